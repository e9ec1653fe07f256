package reportingest.reconcile;

import java.util.List;

/**
 * Everything recovered from one document: its tables, narrative figures and document-level flags.
 * {@code kind} is the document family (final_accounts, budget, performance, unknown) and {@code level}
 * 部门 or 单位 where the document prints it; {@code fiscalYear} is the year the document is about (a
 * 2025 budget printed in 2024 is 2025).
 */
public record ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                                List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags,
                                String kind, String level) {
    public ExtractedDocument {
        tables = List.copyOf(tables);
        facts = List.copyOf(facts);
        flags = List.copyOf(flags);
    }

    public ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                             List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags) {
        this(unit, fiscalYear, amountUnit, tables, facts, flags, null, null);
    }

    public static ExtractedDocument empty() {
        return new ExtractedDocument(null, null, "万元", List.of(), List.of(), List.of());
    }

    /** The same document with other tables, facts and flags; kind and level kept. */
    public ExtractedDocument with(List<ExtractedTable> newTables, List<NarrativeFact> newFacts, List<Flag> newFlags) {
        return new ExtractedDocument(unit, fiscalYear, amountUnit, newTables, newFacts, newFlags, kind, level);
    }
}

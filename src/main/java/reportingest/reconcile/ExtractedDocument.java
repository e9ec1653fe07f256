package reportingest.reconcile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything recovered from one document: its tables, narrative figures and document-level flags.
 * {@code unit} is the reporting body (部门/单位, not the amount unit); {@code amountUnit} the unit most of its tables
 * print (null when none prints one); {@code kind} is the document family (final_accounts, budget, performance,
 * government_final_accounts, government_budget, unknown) and {@code level} 部门 or 单位 where the document prints it;
 * {@code fiscalYear} is the year the document is about (a 2025 budget printed in 2024 is 2025);
 * {@code metadata} says where the body and the fiscal year were read and how sure that is
 * ({@link DocumentFact}, keys {@code body}, {@code fiscalYear}).
 */
public record ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                                List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags,
                                String kind, String level, Map<String, DocumentFact> metadata) {
    public ExtractedDocument {
        tables = List.copyOf(tables);
        facts = List.copyOf(facts);
        flags = List.copyOf(flags);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Without family or provenance of the document facts (stages that do not look for them). */
    public ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                             List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags) {
        this(unit, fiscalYear, amountUnit, tables, facts, flags, null, null, Map.of());
    }

    /** With the family, without provenance of the document facts. */
    public ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                             List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags,
                             String kind, String level) {
        this(unit, fiscalYear, amountUnit, tables, facts, flags, kind, level, Map.of());
    }

    /** With provenance of the document facts, without the family. */
    public ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                             List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags,
                             Map<String, DocumentFact> metadata) {
        this(unit, fiscalYear, amountUnit, tables, facts, flags, null, null, metadata);
    }

    public static ExtractedDocument empty() {
        return new ExtractedDocument(null, null, null, List.of(), List.of(), List.of());
    }

    /** The same document with other tables, facts and flags; family and document facts kept. */
    public ExtractedDocument with(List<ExtractedTable> newTables, List<NarrativeFact> newFacts, List<Flag> newFlags) {
        return new ExtractedDocument(unit, fiscalYear, amountUnit, newTables, newFacts, newFlags, kind, level, metadata);
    }

    /** The same document with other tables and flags; everything else kept. */
    public ExtractedDocument with(List<ExtractedTable> newTables, List<Flag> newFlags) {
        return with(newTables, facts, newFlags);
    }

    /** The same document of another family. */
    public ExtractedDocument withFamily(String newKind, String newLevel) {
        return new ExtractedDocument(unit, fiscalYear, amountUnit, tables, facts, flags, newKind, newLevel, metadata);
    }
}

package reportingest.reconcile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything recovered from one document: its tables, narrative figures and document-level flags.
 * {@code unit} is the reporting body (部门/单位, not the amount unit); {@code metadata} says where the body and
 * the fiscal year were read and how sure that is ({@link DocumentFact}, keys {@code body}, {@code fiscalYear}).
 */
public record ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                                List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags,
                                Map<String, DocumentFact> metadata) {
    public ExtractedDocument {
        tables = List.copyOf(tables);
        facts = List.copyOf(facts);
        flags = List.copyOf(flags);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Without provenance of the document facts (stages that do not look for them). */
    public ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                             List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags) {
        this(unit, fiscalYear, amountUnit, tables, facts, flags, Map.of());
    }

    /** The same document with other tables and flags; the document facts stay. */
    public ExtractedDocument with(List<ExtractedTable> newTables, List<Flag> newFlags) {
        return new ExtractedDocument(unit, fiscalYear, amountUnit, newTables, facts, newFlags, metadata);
    }

    public static ExtractedDocument empty() {
        return new ExtractedDocument(null, null, "万元", List.of(), List.of(), List.of());
    }
}

package reportingest.reconcile;

import java.util.List;

/** Everything recovered from one document: its tables, narrative figures and document-level flags. */
public record ExtractedDocument(String unit, Integer fiscalYear, String amountUnit,
                                List<ExtractedTable> tables, List<NarrativeFact> facts, List<Flag> flags) {
    public ExtractedDocument {
        tables = List.copyOf(tables);
        facts = List.copyOf(facts);
        flags = List.copyOf(flags);
    }

    public static ExtractedDocument empty() {
        return new ExtractedDocument(null, null, "万元", List.of(), List.of(), List.of());
    }
}

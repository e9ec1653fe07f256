package reportingest.reconcile;

import java.util.Set;

/**
 * A review flag: a stable code from DESIGN.md (OCR_LOW_CONFIDENCE, ROW_SUM_MISMATCH, …) and a
 * sentence with the figures involved, for the reviewer.
 */
public record Flag(String code, String message) {
    /**
     * Flags that record how a record was put together (a table stitched over a page break, a row
     * label read through OCR noise to the catalog's label) but ask nothing of a reviewer.
     */
    public static final Set<String> PROVENANCE_ONLY = Set.of("TABLE_SPLIT_ACROSS_PAGES", "LABEL_RECONCILED", "SCHEMA_FROM_HEADER",
            // an OCR'd form number out of the book's order, read as the one its neighbours leave (表40 between 表45 and 表47)
            "FORM_NUMBER_RECONCILED",
            // an OCR'd title read as the contents list prints it, every character vouched for (the caption's reading kept)
            "TITLE_RECONCILED",
            // the body or year is null because the document does not state it or contradicts itself: a consumer
            // sees the null; there is nothing in the records a reviewer could correct
            "METADATA_UNCERTAIN",
            // two OCR engines read a cell differently and the table's identities chose the reading (both kept in the message)
            "ENGINES_DISAGREED",
            // a one-row table's figures placed where its sums hold, its header unread (a column left open is flagged on its cell)
            "COLUMNS_BY_SUMS");

    public static Flag of(String code, String message) { return new Flag(code, message); }

    /** False for provenance-only flags. */
    public boolean asksForReview() { return !PROVENANCE_ONLY.contains(code); }
}

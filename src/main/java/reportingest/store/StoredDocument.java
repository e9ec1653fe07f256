package reportingest.store;

import reportingest.reconcile.ExtractedDocument;

import java.util.List;
import java.util.Map;

/**
 * A document's records read back from the database as the pipeline's {@link ExtractedDocument}, with
 * the database ids of its tables, rows and cells in the same order, so a re-validated document can be
 * written back in place.
 */
public record StoredDocument(long id, DocumentStatus status, String approvedBy, ExtractedDocument doc,
                             List<Table> tables) {
    public record Table(long id, List<Row> rows) {}

    /** {@code cells}: column -> cell id, in column order. */
    public record Row(long id, String approvedBy, Map<String, Long> cells) {}
}

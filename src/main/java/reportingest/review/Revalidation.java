package reportingest.review;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.store.ChangeFeed;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;
import reportingest.store.Json;
import reportingest.store.ResultStore;
import reportingest.store.StoredDocument;
import reportingest.store.StoredDocumentReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Re-runs validation of a stored document after a review action and writes the outcome back in
 * place, inside the caller's transaction: row and table statuses and flags, cell flags, confidence
 * and proposals. Every cell whose status or flags changed gets a new change number; confidence alone
 * is stored without one (the feed's contract: events for values, statuses, flags and labels).
 *
 * <p>The validator is injected ({@code UnaryOperator<ExtractedDocument>}), so this class knows
 * nothing of its rules. It is given what the pipeline gives it: the reconciled records, i.e. the
 * stored ones without the flags and proposals validation itself adds (codes from DESIGN.md), so
 * that an identity that now holds loses its flag. Rows and documents a reviewer approved stay accepted.
 */
public final class Revalidation {
    /** Flags added by the validate stage (DESIGN.md); removed before validation runs again. */
    static final Set<String> VALIDATION_FLAGS = Set.of("ROW_SUM_MISMATCH", "HIERARCHY_SUM_MISMATCH", "TOTAL_MISMATCH",
            "CROSS_TABLE_MISMATCH", "NARRATIVE_MISMATCH", "REPAIR_PROPOSED", "LABEL_UNREADABLE");

    private final UnaryOperator<ExtractedDocument> validator;

    public Revalidation(UnaryOperator<ExtractedDocument> validator) {
        this.validator = validator;
    }

    /** Validates the document again and stores the outcome; returns the document's status after. */
    public DocumentStatus run(Connection c, long documentId, ChangeFeed feed) throws SQLException {
        StoredDocument stored = StoredDocumentReader.read(c, documentId)
                .orElseThrow(() -> new IllegalStateException("document " + documentId + " vanished"));
        ExtractedDocument before = stored.doc();
        ExtractedDocument after = withApprovals(distinctDocumentFlags(validator.apply(withoutValidation(before))), stored);
        requireSameShape(before, after);
        for (int i = 0; i < before.tables().size(); i++) {
            writeTable(c, before.tables().get(i), after.tables().get(i), stored.tables().get(i), feed);
        }
        if (!before.flags().equals(after.flags())) writeDocumentFlags(c, documentId, after.flags());
        DocumentStatus status = stored.status() == DocumentStatus.REJECTED ? DocumentStatus.REJECTED
                : needsReview(after, stored.approvedBy() != null) ? DocumentStatus.NEEDS_REVIEW : DocumentStatus.DONE;
        try (PreparedStatement ps = c.prepareStatement("UPDATE document SET status = ?, flags = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, Json.write(ResultStore.flagCodes(after)));
            ps.setLong(3, documentId);
            ps.executeUpdate();
        }
        return status;
    }

    /** The rule of the validate step: any row needing review, or an own flag nobody approved. */
    public static boolean needsReview(ExtractedDocument doc, boolean documentApproved) {
        for (ExtractedTable t : doc.tables()) {
            if (t.rows().stream().anyMatch(r -> r.status() == RowStatus.NEEDS_REVIEW)) return true;
        }
        if (documentApproved) return false;
        if (doc.flags().stream().anyMatch(Flag::asksForReview)) return true;
        return doc.tables().stream().anyMatch(t -> t.flags().stream().anyMatch(Flag::asksForReview));
    }


    static ExtractedDocument withoutValidation(ExtractedDocument doc) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            List<TableRow> rows = new ArrayList<>();
            for (TableRow r : t.rows()) {
                Map<String, CellValue> cells = new LinkedHashMap<>();
                r.cells().forEach((col, v) -> {
                    boolean proposed = v.flags().stream().anyMatch(f -> f.code().equals("REPAIR_PROPOSED"));
                    cells.put(col, new CellValue(v.value(), v.raw(), v.confidence(), strip(v.flags()), v.page(), v.bbox(),
                            v.origin(), proposed ? null : v.proposal()));
                });
                // the status is judged afresh: a row keeps NEEDS_REVIEW only for flags of its own that remain
                List<Flag> rowFlags = strip(r.flags());
                rows.add(new TableRow(r.key(), cells, rowFlags.stream().noneMatch(Flag::asksForReview) ? RowStatus.ACCEPTED
                        : RowStatus.NEEDS_REVIEW, rowFlags));
            }
            tables.add(t.withRows(rows, strip(t.flags())));
        }
        // document-level narrative mismatches stay: their checks may need page text that is not stored
        List<Flag> kept = doc.flags().stream().filter(f -> f.code().equals("NARRATIVE_MISMATCH") || !VALIDATION_FLAGS.contains(f.code())).toList();
        return doc.with(tables, doc.facts(), kept);
    }

    private static ExtractedDocument distinctDocumentFlags(ExtractedDocument d) {
        return d.with(d.tables(), d.facts(),
                d.flags().stream().distinct().toList());
    }

    private static List<Flag> strip(List<Flag> flags) {
        return flags.stream().filter(f -> !VALIDATION_FLAGS.contains(f.code())).toList();
    }

    private static ExtractedDocument withApprovals(ExtractedDocument doc, StoredDocument stored) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (int i = 0; i < doc.tables().size(); i++) {
            ExtractedTable t = doc.tables().get(i);
            List<StoredDocument.Row> ids = i < stored.tables().size() ? stored.tables().get(i).rows() : List.of();
            List<TableRow> rows = new ArrayList<>();
            for (int j = 0; j < t.rows().size(); j++) {
                TableRow r = t.rows().get(j);
                boolean approved = j < ids.size() && ids.get(j).approvedBy() != null;
                rows.add(approved ? new TableRow(r.key(), r.cells(), RowStatus.ACCEPTED, r.flags()) : r);
            }
            tables.add(t.withRows(rows, t.flags()));
        }
        return doc.with(tables, doc.facts(), doc.flags());
    }

    /** The validator judges records; it must not add, drop or reorder them. */
    private static void requireSameShape(ExtractedDocument before, ExtractedDocument after) {
        boolean same = before.tables().size() == after.tables().size();
        for (int i = 0; same && i < before.tables().size(); i++) {
            List<TableRow> a = before.tables().get(i).rows(), b = after.tables().get(i).rows();
            same = a.size() == b.size();
            for (int j = 0; same && j < a.size(); j++) same = a.get(j).cells().keySet().equals(b.get(j).cells().keySet());
        }
        if (!same) throw new IllegalStateException("the validator changed the shape of the document's tables");
    }

    private static void writeTable(Connection c, ExtractedTable before, ExtractedTable after, StoredDocument.Table ids,
                                   ChangeFeed feed) throws SQLException {
        if (!before.flags().equals(after.flags())) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE extracted_table SET flags_json = ? WHERE id = ?")) {
                ps.setString(1, Json.write(after.flags()));
                ps.setLong(2, ids.id());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement rowPs = c.prepareStatement("UPDATE table_row SET status = ?, flags_json = ? WHERE id = ?");
             PreparedStatement cellPs = c.prepareStatement(
                     "UPDATE cell SET flags_json = ?, confidence = ?, proposal = ?, change_seq = ? WHERE id = ?");
             PreparedStatement quietPs = c.prepareStatement("UPDATE cell SET confidence = ?, proposal = ? WHERE id = ?")) {
            for (int j = 0; j < before.rows().size(); j++) {
                TableRow was = before.rows().get(j), now = after.rows().get(j);
                StoredDocument.Row rowIds = ids.rows().get(j);
                boolean rowChanged = was.status() != now.status() || !was.flags().equals(now.flags());
                if (rowChanged) {
                    rowPs.setString(1, now.status().name());
                    rowPs.setString(2, Json.write(now.flags()));
                    rowPs.setLong(3, rowIds.id());
                    rowPs.executeUpdate();
                }
                for (Map.Entry<String, Long> cell : rowIds.cells().entrySet()) {
                    CellValue v0 = was.cells().get(cell.getKey()), v1 = now.cells().get(cell.getKey());
                    boolean flagsChanged = !v0.flags().equals(v1.flags());
                    boolean quietChange = v0.confidence() != v1.confidence() || !Objects.equals(v0.proposal(), v1.proposal());
                    if (!flagsChanged && !rowChanged) {
                        // confidence (or a proposal, which the feed does not carry) alone is no event (README, feed
                        // contract): stored, but the cell keeps its change number, so one correction does not flood the feed
                        if (quietChange) {
                            quietPs.setDouble(1, v1.confidence());
                            quietPs.setString(2, v1.proposal());
                            quietPs.setLong(3, cell.getValue());
                            quietPs.addBatch();
                        }
                        continue;
                    }
                    // the fact's status or flags changed: a new change for the feed
                    cellPs.setString(1, Json.write(v1.flags()));
                    cellPs.setDouble(2, v1.confidence());
                    cellPs.setString(3, v1.proposal());
                    cellPs.setLong(4, feed.next());
                    cellPs.setLong(5, cell.getValue());
                    cellPs.addBatch();
                }
                cellPs.executeBatch();
                quietPs.executeBatch();
            }
        }
    }

    private static void writeDocumentFlags(Connection c, long documentId, List<Flag> flags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM document_flag WHERE document_id = ?")) {
            ps.setLong(1, documentId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_flag (document_id, code, message) VALUES (?, ?, ?)")) {
            for (Flag f : flags) {
                ps.setLong(1, documentId);
                ps.setString(2, f.code());
                ps.setString(3, DocumentStore.truncate(f.message(), 4000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

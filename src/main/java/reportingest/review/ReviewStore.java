package reportingest.review;

import reportingest.reconcile.performance.PerformanceCatalog;
import reportingest.review.ReviewRefused.Reason;
import reportingest.store.ChangeFeed;
import reportingest.store.Database;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;
import reportingest.store.Json;

import java.util.Map;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Review actions. Each runs in one transaction that takes the change-feed lock first (the same
 * order as the store step, so the two never deadlock; it also serialises corrections of a cell,
 * which makes the version check below exact), changes the records, re-runs validation of the
 * document, and writes its audit entry: all of it is stored, or none.
 */
public final class ReviewStore {
    public static final String CORRECTION = "CORRECTION";
    public static final String PROPOSAL_ACCEPTED = "PROPOSAL_ACCEPTED";
    public static final String ROW_APPROVED = "ROW_APPROVED";
    public static final String DOCUMENT_APPROVED = "DOCUMENT_APPROVED";
    public static final String DOCUMENT_REJECTED = "DOCUMENT_REJECTED";
    public static final String LABEL_CORRECTION = "LABEL_CORRECTION";

    /** The key fields that are a row's printed label (codes and sides are structure, corrected elsewhere). */
    public static final List<String> LABEL_FIELDS = List.of("name", "item", "label");

    /** Confidence of a value a person typed or confirmed (the scale of the OCR engines, 0..100). */
    static final double REVIEWED_CONFIDENCE = 100.0;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PERCENT_OR_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?%?");
    private static final PerformanceCatalog PERFORMANCE = PerformanceCatalog.load();

    private final Database db;
    private final Revalidation revalidation;

    private final ReviewSidecar sidecar;

    public ReviewStore(Database db, Revalidation revalidation) {
        this(db, revalidation, null);
    }

    /** @param sidecar the review files beside originals in archive/, brought up to date after each action (null: none) */
    public ReviewStore(Database db, Revalidation revalidation, ReviewSidecar sidecar) {
        this.db = db;
        this.revalidation = revalidation;
        this.sidecar = sidecar;
    }

    private record CellRef(long id, long rowId, long tableId, long documentId, String column, String value,
                           String proposal, long changeSeq, String rowStatus, String schema, DocumentStatus documentStatus) {}

    /** Sets a cell's value as a reviewer read it from the page; {@code version} is the change number the reviewer saw. */
    public ReviewOutcome correct(long cellId, String value, long version, String reviewer, String comment) {
        return logged(db.inTransaction(c -> {
            ChangeFeed feed = ChangeFeed.claim(c);
            CellRef cell = editableCell(c, cellId, version);
            String normalized = normalize(cell.schema(), cell.column(), value);
            return setValue(c, feed, cell, normalized, CORRECTION, reviewer, comment);
        }));
    }

    /** Takes the repair the validator proposed for the cell as its value. */
    public ReviewOutcome acceptProposal(long cellId, long version, String reviewer, String comment) {
        return logged(db.inTransaction(c -> {
            ChangeFeed feed = ChangeFeed.claim(c);
            CellRef cell = editableCell(c, cellId, version);
            if (cell.proposal() == null) throw new ReviewRefused(Reason.INVALID, "cell " + cellId + " has no repair proposal");
            return setValue(c, feed, cell, cell.proposal(), PROPOSAL_ACCEPTED, reviewer, comment);
        }));
    }

    /**
     * Sets a row's label ({@code name}, {@code item} or {@code label}) as a reviewer read it from the page,
     * audited like a cell correction. {@code version} is the row's version: the highest change number of its
     * cells, as the reviewer saw it. Every cell of the row reaches the feed again, since each carries the label.
     */
    public ReviewOutcome correctLabel(long rowId, String field, String value, long version, String reviewer, String comment) {
        if (value == null || value.isBlank()) throw new ReviewRefused(Reason.INVALID, "a label must not be blank");
        if (value.strip().length() > 400) throw new ReviewRefused(Reason.INVALID, "a label must be at most 400 characters");
        String label = value.strip();
        return logged(db.inTransaction(c -> {
            ChangeFeed feed = ChangeFeed.claim(c);
            RowRef row = RowRef.read(c, rowId);
            requireNotRejected(row.documentId(), row.documentStatus());
            if (!LABEL_FIELDS.contains(field) || !row.key().containsKey(field)) {
                throw new ReviewRefused(Reason.INVALID, "field must be the row's label field: one of "
                        + LABEL_FIELDS.stream().filter(row.key()::containsKey).toList() + ", not '" + field + "'");
            }
            if (row.version() != version) {
                throw new ReviewRefused(Reason.CONFLICT, "row " + rowId + " changed since version " + version
                        + ": it is now version " + row.version() + " with " + field + " '" + row.key().get(field)
                        + "'; look at it again and send the current version");
            }
            Object old = row.key().get(field);
            Map<String, Object> key = new java.util.LinkedHashMap<>(row.key());
            key.put(field, label);
            try (PreparedStatement ps = c.prepareStatement("UPDATE table_row SET key_json = ?, approved_by = NULL WHERE id = ?")) {
                ps.setString(1, Json.write(key));
                ps.setLong(2, rowId);
                ps.executeUpdate();
            }
            sendAgain(c, feed, "SELECT id FROM cell WHERE row_id = ? ORDER BY seq", rowId);
            DocumentStatus docAfter = revalidation.run(c, row.documentId(), feed);
            String rowAfter = rowStatus(c, rowId);
            long versionAfter = RowRef.version(c, rowId);
            long actionId = AuditTrail.record(c, new AuditEntry(0, LABEL_CORRECTION, DocumentStore.now().toString(), reviewer,
                    comment, row.documentId(), row.tableId(), rowId, null, field, old == null ? null : old.toString(), label,
                    row.status(), rowAfter, versionAfter));
            feed.commit();
            return new ReviewOutcome(actionId, LABEL_CORRECTION, row.documentId(), rowId, null, label, versionAfter, rowAfter,
                    docAfter.name());
        }));
    }

    /** Accepts a row as it is, flags and all; it stays accepted until one of its cells is corrected. */
    public ReviewOutcome approveRow(long rowId, String reviewer, String comment) {
        return logged(db.inTransaction(c -> {
            ChangeFeed feed = ChangeFeed.claim(c);
            long tableId, documentId;
            String before;
            DocumentStatus docStatus;
            try (PreparedStatement ps = c.prepareStatement("SELECT r.table_id, r.status, t.document_id, d.status AS doc_status "
                    + "FROM table_row r JOIN extracted_table t ON r.table_id = t.id JOIN document d ON t.document_id = d.id "
                    + "WHERE r.id = ?")) {
                ps.setLong(1, rowId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new ReviewRefused(Reason.NOT_FOUND, "no row " + rowId);
                    tableId = rs.getLong("table_id");
                    before = rs.getString("status");
                    documentId = rs.getLong("document_id");
                    docStatus = DocumentStatus.valueOf(rs.getString("doc_status"));
                }
            }
            requireNotRejected(documentId, docStatus);
            update(c, "UPDATE table_row SET approved_by = ? WHERE id = ?", reviewer, rowId);
            DocumentStatus after = revalidation.run(c, documentId, feed);
            String rowAfter = rowStatus(c, rowId);
            long actionId = AuditTrail.record(c, new AuditEntry(0, ROW_APPROVED, DocumentStore.now().toString(), reviewer, comment,
                    documentId, tableId, rowId, null, null, null, null, before, rowAfter, null));
            feed.commit();
            return new ReviewOutcome(actionId, ROW_APPROVED, documentId, rowId, null, null, null, rowAfter, after.name());
        }));
    }

    /** Accepts the document's own flags (document- and table-level); rows still need their own review. */
    public ReviewOutcome approveDocument(long documentId, String reviewer, String comment) {
        return logged(db.inTransaction(c -> {
            ChangeFeed feed = ChangeFeed.claim(c);
            DocumentStatus before = reviewableDocument(c, documentId);
            update(c, "UPDATE document SET approved_by = ? WHERE id = ?", reviewer, documentId);
            DocumentStatus after = revalidation.run(c, documentId, feed);
            long actionId = AuditTrail.record(c, new AuditEntry(0, DOCUMENT_APPROVED, DocumentStore.now().toString(), reviewer, comment,
                    documentId, null, null, null, null, null, null, before.name(), after.name(), null));
            feed.commit();
            return new ReviewOutcome(actionId, DOCUMENT_APPROVED, documentId, null, null, null, null, null, after.name());
        }));
    }

    /**
     * Rejects the document: its records stay stored but reach the feed again with status REJECTED,
     * so a downstream system that took them can drop them.
     */
    public ReviewOutcome rejectDocument(long documentId, String reviewer, String comment) {
        if (comment == null || comment.isBlank()) throw new ReviewRefused(Reason.INVALID, "a rejection needs a comment saying why");
        return logged(db.inTransaction(c -> {
            ChangeFeed feed = ChangeFeed.claim(c);
            DocumentStatus before = reviewableDocument(c, documentId);
            update(c, "UPDATE document SET status = 'REJECTED' WHERE id = ?", documentId);
            sendAgain(c, feed, "SELECT c.id FROM cell c JOIN table_row r ON c.row_id = r.id "
                    + "JOIN extracted_table t ON r.table_id = t.id WHERE t.document_id = ? ORDER BY t.seq, r.seq, c.seq", documentId);
            long actionId = AuditTrail.record(c, new AuditEntry(0, DOCUMENT_REJECTED, DocumentStore.now().toString(), reviewer, comment,
                    documentId, null, null, null, null, null, null, before.name(), DocumentStatus.REJECTED.name(), null));
            feed.commit();
            return new ReviewOutcome(actionId, DOCUMENT_REJECTED, documentId, null, null, null, null, null,
                    DocumentStatus.REJECTED.name());
        }));
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewStore.class);

    /**
     * One log line per review action, once it is committed: who, what, old → new, the statuses after; then the review
     * file beside the document's original, rewritten or removed.
     */
    private ReviewOutcome logged(ReviewOutcome o) {
        if (sidecar != null) sidecar.refresh(o.documentId());
        AuditEntry e = AuditTrail.takeLast();
        if (e == null) return o;
        String where = "document " + e.documentId() + (e.rowId() == null ? "" : " row " + e.rowId())
                + (e.cellId() == null ? "" : " cell " + e.cellId()) + (e.column() == null ? "" : " (" + e.column() + ")");
        String change = e.oldValue() == null && e.newValue() == null ? "" : ": '" + e.oldValue() + "' -> '" + e.newValue() + "'";
        log.info("Review {} by {} on {}{}; {} -> {}, document {}", e.action(), e.reviewer(), where, change,
                e.statusBefore(), e.statusAfter(), o.documentStatus());
        return o;
    }

    private ReviewOutcome setValue(Connection c, ChangeFeed feed, CellRef cell, String value, String action,
                                   String reviewer, String comment) throws SQLException {
        // the person's value replaces the reading, so the reading's flags and any proposal no longer apply,
        // on the cell and on its row, where the reader copied them
        dropCellFlagsFromRow(c, cell);
        try (PreparedStatement ps = c.prepareStatement("UPDATE cell SET cell_value = ?, flags_json = '[]', confidence = ?, "
                + "proposal = NULL, change_seq = ? WHERE id = ? AND change_seq = ?")) {
            ps.setString(1, value);
            ps.setDouble(2, REVIEWED_CONFIDENCE);
            ps.setLong(3, feed.next());
            ps.setLong(4, cell.id());
            ps.setLong(5, cell.changeSeq());
            if (ps.executeUpdate() != 1) throw new ReviewRefused(Reason.CONFLICT, "cell " + cell.id() + " changed meanwhile");
        }
        // an approval was of the row as it was
        update(c, "UPDATE table_row SET approved_by = NULL WHERE id = ?", cell.rowId());
        DocumentStatus docAfter = revalidation.run(c, cell.documentId(), feed);
        String rowAfter = rowStatus(c, cell.rowId());
        long seq = cellSeq(c, cell.id());
        long actionId = AuditTrail.record(c, new AuditEntry(0, action, DocumentStore.now().toString(), reviewer, comment,
                cell.documentId(), cell.tableId(), cell.rowId(), cell.id(), cell.column(), cell.value(), value,
                cell.rowStatus(), rowAfter, seq));
        feed.commit();
        return new ReviewOutcome(actionId, action, cell.documentId(), cell.rowId(), cell.id(), value, seq, rowAfter,
                docAfter.name());
    }

    private static void dropCellFlagsFromRow(Connection c, CellRef cell) throws SQLException {
        List<Map<String, Object>> cellFlags;
        try (PreparedStatement ps = c.prepareStatement("SELECT flags_json FROM cell WHERE id = ?")) {
            ps.setLong(1, cell.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return;
                cellFlags = Json.readObjects(rs.getString(1));
            }
        }
        if (cellFlags.isEmpty()) return;
        List<Map<String, Object>> rowFlags;
        try (PreparedStatement ps = c.prepareStatement("SELECT flags_json FROM table_row WHERE id = ?")) {
            ps.setLong(1, cell.rowId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return;
                rowFlags = Json.readObjects(rs.getString(1));
            }
        }
        List<Map<String, Object>> kept = rowFlags.stream().filter(f -> !cellFlags.contains(f)).toList();
        if (kept.size() == rowFlags.size()) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE table_row SET flags_json = ? WHERE id = ?")) {
            ps.setString(1, Json.write(kept));
            ps.setLong(2, cell.rowId());
            ps.executeUpdate();
        }
    }

    private static CellRef editableCell(Connection c, long cellId, long version) throws SQLException {
        CellRef cell;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.row_id, r.table_id, t.document_id, c.column_name, "
                + "c.cell_value, c.proposal, c.change_seq, r.status AS row_status, t.schema_id, d.status AS doc_status "
                + "FROM cell c JOIN table_row r ON c.row_id = r.id JOIN extracted_table t ON r.table_id = t.id "
                + "JOIN document d ON t.document_id = d.id WHERE c.id = ?")) {
            ps.setLong(1, cellId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new ReviewRefused(Reason.NOT_FOUND, "no cell " + cellId);
                cell = new CellRef(rs.getLong("id"), rs.getLong("row_id"), rs.getLong("table_id"), rs.getLong("document_id"),
                        rs.getString("column_name"), rs.getString("cell_value"), rs.getString("proposal"),
                        rs.getLong("change_seq"), rs.getString("row_status"), rs.getString("schema_id"),
                        DocumentStatus.valueOf(rs.getString("doc_status")));
            }
        }
        requireNotRejected(cell.documentId(), cell.documentStatus());
        if (cell.changeSeq() != version) {
            throw new ReviewRefused(Reason.CONFLICT, "cell " + cellId + " changed since version " + version
                    + ": it is now version " + cell.changeSeq() + " with value " + cell.value()
                    + "; look at it again and send the current version");
        }
        return cell;
    }

    private static DocumentStatus reviewableDocument(Connection c, long documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM document WHERE id = ?")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new ReviewRefused(Reason.NOT_FOUND, "no document " + documentId);
                DocumentStatus s = DocumentStatus.valueOf(rs.getString(1));
                requireNotRejected(documentId, s);
                if (s != DocumentStatus.DONE && s != DocumentStatus.NEEDS_REVIEW) {
                    throw new ReviewRefused(Reason.CONFLICT, "document " + documentId + " is " + s + ": it has no records to review");
                }
                return s;
            }
        }
    }

    private static void requireNotRejected(long documentId, DocumentStatus s) {
        if (s == DocumentStatus.REJECTED) throw new ReviewRefused(Reason.CONFLICT, "document " + documentId + " was rejected");
    }

    /**
     * Amounts are decimal strings as printed (no thousands separators). Performance forms mix text columns
     * (taken as typed) with number columns, which take a decimal or a percentage (100.00%) like every
     * amount: a word (七百) is refused there as in the financial tables.
     */
    static String normalize(String schema, String column, String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        String amount = v.replace(",", "");
        if (schema != null && schema.startsWith("performance_")) {
            boolean text = PERFORMANCE.forms().stream().filter(f -> f.schema().equals(schema)).findFirst()
                    .map(f -> f.isTextColumn(column)).orElse(true);
            if (text) return v;
            if (!PERCENT_OR_DECIMAL.matcher(amount).matches()) {
                throw new ReviewRefused(Reason.INVALID, "column " + column + " of " + schema + " holds a number: value must be a "
                        + "decimal number like 305.20 or a percentage like 100.00% (or empty for a blank cell), not '" + v + "'");
            }
            return amount;
        }
        if (!DECIMAL.matcher(amount).matches()) {
            throw new ReviewRefused(Reason.INVALID, "value must be a decimal number like 305.20 (or empty for a blank cell), not '" + v + "'");
        }
        return amount;
    }

    private static String rowStatus(Connection c, long rowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM table_row WHERE id = ?")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long cellSeq(Connection c, long cellId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT change_seq FROM cell WHERE id = ?")) {
            ps.setLong(1, cellId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    /** The cells {@code selectIds} finds (one id parameter) reach the feed again, each with a new change number, in order. */
    private static void sendAgain(Connection c, ChangeFeed feed, String selectIds, long id) throws SQLException {
        try (PreparedStatement ids = c.prepareStatement(selectIds);
             PreparedStatement bump = c.prepareStatement("UPDATE cell SET change_seq = ? WHERE id = ?")) {
            ids.setLong(1, id);
            try (ResultSet rs = ids.executeQuery()) {
                while (rs.next()) {
                    bump.setLong(1, feed.next());
                    bump.setLong(2, rs.getLong(1));
                    bump.addBatch();
                }
            }
            bump.executeBatch();
        }
    }
}

package reportingest.store;

import reportingest.layout.BBox;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.TableRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a document's records in one transaction together with its final status, so that the
 * database never holds partial or doubled results: a crash before commit leaves nothing, and a
 * rerun first removes whatever an earlier run of the same document stored.
 */
public final class ResultStore {
    private final Database db;

    public ResultStore(Database db) {
        this.db = db;
    }

    public void save(long documentId, int pages, String mediaType, ExtractedDocument doc, DocumentStatus status) {
        db.inTransaction(c -> {
            // first, before any other row is touched: the same lock order as review actions
            ChangeFeed feed = ChangeFeed.claim(c);
            deleteResults(c, documentId);
            int tableSeq = 0;
            for (ExtractedTable t : doc.tables()) insertTable(c, documentId, tableSeq++, t, feed);
            feed.commit();
            int factSeq = 0;
            for (NarrativeFact f : doc.facts()) insertFact(c, documentId, factSeq++, f);
            for (Flag f : doc.flags()) insertDocumentFlag(c, documentId, f);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE document SET status = ?, pages = ?, media_type = ?, flags = ?, unit = ?, fiscal_year = ?, "
                            + "finished_at = ?, error_reason = NULL, kind = ?, doc_level = ?, facts_json = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setInt(2, pages);
                ps.setString(3, mediaType);
                ps.setString(4, Json.write(flagCodes(doc)));
                ps.setString(5, doc.unit());
                ps.setObject(6, doc.fiscalYear());
                ps.setObject(7, DocumentStore.now());
                ps.setString(8, doc.kind());
                ps.setString(9, doc.level());
                ps.setString(10, doc.metadata().isEmpty() ? null : Json.write(doc.metadata()));
                ps.setLong(11, documentId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE document SET pages_done = pages WHERE id = ?")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Codes of every flag in the document, deduplicated, document-level ones first. */
    public static List<String> flagCodes(ExtractedDocument doc) {
        Set<String> codes = new LinkedHashSet<>();
        doc.flags().forEach(f -> codes.add(f.code()));
        for (ExtractedTable t : doc.tables()) {
            t.flags().forEach(f -> codes.add(f.code()));
            for (TableRow r : t.rows()) {
                r.flags().forEach(f -> codes.add(f.code()));
                r.cells().values().forEach(cell -> cell.flags().forEach(f -> codes.add(f.code())));
            }
        }
        return List.copyOf(codes);
    }

    private static void deleteResults(Connection c, long documentId) throws SQLException {
        String[] statements = {
                "DELETE FROM cell WHERE row_id IN (SELECT r.id FROM table_row r JOIN extracted_table t ON r.table_id = t.id WHERE t.document_id = ?)",
                "DELETE FROM table_row WHERE table_id IN (SELECT id FROM extracted_table WHERE document_id = ?)",
                "DELETE FROM extracted_table WHERE document_id = ?",
                "DELETE FROM narrative_fact WHERE document_id = ?",
                "DELETE FROM document_flag WHERE document_id = ?"};
        for (String sql : statements) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
        }
    }

    private static void insertTable(Connection c, long documentId, int seq, ExtractedTable t, ChangeFeed feed)
            throws SQLException {
        long tableId;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO extracted_table (document_id, seq, schema_id, title, form_no, columns_json, notes_json, flags_json, page_from, page_to, amount_unit) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, documentId);
            ps.setInt(2, seq);
            ps.setString(3, t.schema());
            ps.setString(4, t.title());
            ps.setString(5, t.formNo());
            ps.setString(6, Json.write(t.columns()));
            ps.setString(7, Json.write(t.notes()));
            ps.setString(8, Json.write(t.flags()));
            ps.setInt(9, t.pageFrom());
            ps.setInt(10, t.pageTo());
            ps.setString(11, t.unit());
            ps.executeUpdate();
            tableId = generatedId(ps);
        }
        int rowSeq = 0;
        try (PreparedStatement rowPs = c.prepareStatement(
                "INSERT INTO table_row (table_id, seq, key_json, status, flags_json) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement cellPs = c.prepareStatement(
                     "INSERT INTO cell (row_id, seq, column_name, cell_value, raw_text, confidence, flags_json, page, bbox, engine, proposal, change_seq) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TableRow r : t.rows()) {
                rowPs.setLong(1, tableId);
                rowPs.setInt(2, rowSeq++);
                rowPs.setString(3, Json.write(r.key()));
                rowPs.setString(4, r.status().name());
                rowPs.setString(5, Json.write(r.flags()));
                rowPs.executeUpdate();
                long rowId = generatedId(rowPs);
                int cellSeq = 0;
                for (Map.Entry<String, CellValue> e : r.cells().entrySet()) {
                    CellValue v = e.getValue();
                    cellPs.setLong(1, rowId);
                    cellPs.setInt(2, cellSeq++);
                    cellPs.setString(3, e.getKey());
                    cellPs.setString(4, v.value());
                    cellPs.setString(5, DocumentStore.truncate(v.raw(), 20000));
                    cellPs.setDouble(6, v.confidence());
                    cellPs.setString(7, Json.write(v.flags()));
                    cellPs.setObject(8, v.page() > 0 ? v.page() : null);
                    cellPs.setString(9, bbox(v.bbox()));
                    cellPs.setString(10, v.origin() == null ? null : v.origin().name());
                    cellPs.setString(11, v.proposal());
                    cellPs.setLong(12, feed.next());
                    cellPs.addBatch();
                }
                cellPs.executeBatch();
            }
        }
    }

    private static void insertFact(Connection c, long documentId, int seq, NarrativeFact f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO narrative_fact (document_id, seq, section, quote, figure, fact_value, unit, scope, fact_year, page, line_no) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, documentId);
            ps.setInt(2, seq);
            ps.setString(3, DocumentStore.truncate(f.section(), 2000));
            ps.setString(4, DocumentStore.truncate(f.quote(), 20000));
            ps.setString(5, f.figure());
            ps.setString(6, f.value());
            ps.setString(7, f.unit());
            ps.setString(8, f.scope());
            ps.setObject(9, f.year());
            ps.setInt(10, f.page());
            ps.setInt(11, f.lineNo());
            ps.executeUpdate();
        }
    }

    private static void insertDocumentFlag(Connection c, long documentId, Flag f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_flag (document_id, code, message) VALUES (?, ?, ?)")) {
            ps.setLong(1, documentId);
            ps.setString(2, f.code());
            ps.setString(3, DocumentStore.truncate(f.message(), 4000));
            ps.executeUpdate();
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static String bbox(BBox b) {
        if (b == null) return null;
        return Json.write(List.of(b.x(), b.y(), b.width(), b.height()));
    }
}

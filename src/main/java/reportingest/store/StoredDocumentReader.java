package reportingest.store;

import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rebuilds a stored document's records (what the store step saved, plus later review changes). */
public final class StoredDocumentReader {
    private StoredDocumentReader() {}

    public static Optional<StoredDocument> read(Connection c, long documentId) throws SQLException {
        DocumentStatus status;
        String unit;
        Integer year;
        String approvedBy, kind, level;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, unit, fiscal_year, approved_by, kind, doc_level FROM document WHERE id = ?")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                status = DocumentStatus.valueOf(rs.getString("status"));
                unit = rs.getString("unit");
                year = (Integer) rs.getObject("fiscal_year");
                approvedBy = rs.getString("approved_by");
                kind = rs.getString("kind");
                level = rs.getString("doc_level");
            }
        }
        List<ExtractedTable> tables = new ArrayList<>();
        List<StoredDocument.Table> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, schema_id, title, form_no, columns_json, notes_json, flags_json, page_from, page_to, amount_unit "
                        + "FROM extracted_table WHERE document_id = ? ORDER BY seq")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long tableId = rs.getLong("id");
                    List<TableRow> rows = new ArrayList<>();
                    List<StoredDocument.Row> rowIds = new ArrayList<>();
                    readRows(c, tableId, rows, rowIds);
                    tables.add(new ExtractedTable(rs.getString("schema_id"), rs.getString("title"), rs.getString("form_no"),
                            Json.readStrings(rs.getString("columns_json")), rows, Json.readStrings(rs.getString("notes_json")),
                            flags(rs.getString("flags_json")), rs.getInt("page_from"), rs.getInt("page_to"), rs.getString("amount_unit")));
                    ids.add(new StoredDocument.Table(tableId, rowIds));
                }
            }
        }
        ExtractedDocument doc = new ExtractedDocument(unit, year, "万元", tables, facts(c, documentId),
                documentFlags(c, documentId), kind, level);
        return Optional.of(new StoredDocument(documentId, status, approvedBy, doc, ids));
    }

    private static void readRows(Connection c, long tableId, List<TableRow> rows, List<StoredDocument.Row> ids)
            throws SQLException {
        record RowHead(long id, Map<String, Object> key, RowStatus status, List<Flag> flags, String approvedBy) {}
        List<RowHead> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, key_json, status, flags_json, approved_by FROM table_row WHERE table_id = ? ORDER BY seq")) {
            ps.setLong(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new RowHead(rs.getLong("id"), Json.readObject(rs.getString("key_json")),
                            RowStatus.valueOf(rs.getString("status")), flags(rs.getString("flags_json")),
                            rs.getString("approved_by")));
                }
            }
        }
        Map<Long, Map<String, CellValue>> cells = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> cellIds = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.id, c.row_id, c.column_name, c.cell_value, c.raw_text, c.confidence, c.flags_json, c.page, c.bbox, "
                        + "c.engine, c.proposal FROM cell c JOIN table_row r ON c.row_id = r.id WHERE r.table_id = ? "
                        + "ORDER BY r.seq, c.seq")) {
            ps.setLong(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rowId = rs.getLong("row_id");
                    String column = rs.getString("column_name");
                    Integer page = (Integer) rs.getObject("page");
                    cells.computeIfAbsent(rowId, k -> new LinkedHashMap<>()).put(column, new CellValue(
                            rs.getString("cell_value"), rs.getString("raw_text"), rs.getDouble("confidence"),
                            flags(rs.getString("flags_json")), page == null ? 0 : page, bbox(rs.getString("bbox")),
                            origin(rs.getString("engine")), rs.getString("proposal")));
                    cellIds.computeIfAbsent(rowId, k -> new LinkedHashMap<>()).put(column, rs.getLong("id"));
                }
            }
        }
        for (RowHead h : heads) {
            rows.add(new TableRow(h.key(), cells.getOrDefault(h.id(), Map.of()), h.status(), h.flags()));
            ids.add(new StoredDocument.Row(h.id(), h.approvedBy(), cellIds.getOrDefault(h.id(), Map.of())));
        }
    }

    private static List<NarrativeFact> facts(Connection c, long documentId) throws SQLException {
        List<NarrativeFact> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT section, quote, figure, fact_value, unit, scope, fact_year, page, line_no FROM narrative_fact "
                        + "WHERE document_id = ? ORDER BY seq")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NarrativeFact(rs.getString("section"), rs.getString("quote"), rs.getString("figure"),
                            rs.getString("fact_value"), rs.getString("unit"), rs.getString("scope"),
                            (Integer) rs.getObject("fact_year"), rs.getInt("page"), rs.getInt("line_no")));
                }
            }
        }
        return out;
    }

    private static List<Flag> documentFlags(Connection c, long documentId) throws SQLException {
        List<Flag> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, message FROM document_flag WHERE document_id = ? ORDER BY id")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Flag(rs.getString("code"), rs.getString("message")));
            }
        }
        return out;
    }

    public static List<Flag> flags(String json) {
        return Json.readObjects(json).stream()
                .map(f -> new Flag(String.valueOf(f.get("code")), f.get("message") == null ? null : String.valueOf(f.get("message"))))
                .toList();
    }

    static BBox bbox(String json) {
        List<Double> b = Json.bbox(json);
        return b == null || b.size() != 4 ? null : new BBox(b.get(0), b.get(1), b.get(2), b.get(3));
    }

    private static PageOrigin origin(String engine) {
        if (engine == null) return null;
        try {
            return PageOrigin.valueOf(engine);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

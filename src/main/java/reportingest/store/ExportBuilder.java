package reportingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a document's export JSON (DESIGN.md "Export format") from the stored records: the shape of
 * the ground-truth files, plus per-cell provenance and review status. Flags are lists of codes;
 * the sentences behind them are in {@code reasons}.
 */
public final class ExportBuilder {
    private final Database db;
    private final DocumentStore documents;

    public ExportBuilder(Database db, DocumentStore documents) {
        this.db = db;
        this.documents = documents;
    }

    public Optional<Map<String, Object>> export(long documentId) {
        Optional<DocumentRecord> found = documents.find(documentId);
        if (found.isEmpty()) return Optional.empty();
        DocumentRecord d = found.get();
        return Optional.of(db.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("document", documentName(d.fileName()));
            out.put("documentId", d.id());
            out.put("fileName", d.fileName());
            out.put("sha256", d.sha256());
            out.put("status", d.status().name());
            out.put("unit", d.unit());
            out.put("fiscal_year", d.fiscalYear());
            out.put("amount_unit", "万元");
            out.put("pages", d.pages());
            out.put("tables", tables(c, d.id()));
            out.put("narrative_facts", facts(c, d.id()));
            List<Map<String, Object>> reasons = documentReasons(c, d.id());
            out.put("flags", d.flags());
            out.put("reasons", reasons);
            return out;
        }));
    }

    /** The name a document is known by in truth files: the file name up to its first dot. */
    public static String documentName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static List<Map<String, Object>> tables(Connection c, long documentId) throws SQLException {
        List<Map<String, Object>> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, schema_id, title, form_no, columns_json, notes_json, flags_json, page_from, page_to "
                        + "FROM extracted_table WHERE document_id = ? ORDER BY seq")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("schema", rs.getString("schema_id"));
                    t.put("title", rs.getString("title"));
                    t.put("form_no", rs.getString("form_no"));
                    t.put("columns", Json.readStrings(rs.getString("columns_json")));
                    t.put("pages", List.of(rs.getInt("page_from"), rs.getInt("page_to")));
                    List<Map<String, Object>> flags = Json.readObjects(rs.getString("flags_json"));
                    t.put("flags", codes(flags));
                    t.put("reasons", flags);
                    t.put("notes", Json.readStrings(rs.getString("notes_json")));
                    t.put("rows", rows(c, rs.getLong("id")));
                    tables.add(t);
                }
            }
        }
        return tables;
    }

    private static List<Map<String, Object>> rows(Connection c, long tableId) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, Map<String, Object>> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, key_json, status, flags_json FROM table_row WHERE table_id = ? ORDER BY seq")) {
            ps.setLong(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>(Json.readObject(rs.getString("key_json")));
                    row.put("values", new LinkedHashMap<String, Object>());
                    row.put("cells", new LinkedHashMap<String, Object>());
                    row.put("status", rs.getString("status"));
                    List<Map<String, Object>> flags = Json.readObjects(rs.getString("flags_json"));
                    row.put("flags", codes(flags));
                    row.put("reasons", flags);
                    rows.add(row);
                    byId.put(rs.getLong("id"), row);
                }
            }
        }
        if (byId.isEmpty()) return rows;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.row_id, c.column_name, c.cell_value, c.raw_text, c.confidence, c.flags_json, c.page, c.bbox, c.engine, c.proposal "
                        + "FROM cell c JOIN table_row r ON c.row_id = r.id WHERE r.table_id = ? ORDER BY r.seq, c.seq")) {
            ps.setLong(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = byId.get(rs.getLong("row_id"));
                    String column = rs.getString("column_name");
                    @SuppressWarnings("unchecked") Map<String, Object> values = (Map<String, Object>) row.get("values");
                    @SuppressWarnings("unchecked") Map<String, Object> cells = (Map<String, Object>) row.get("cells");
                    values.put(column, rs.getString("cell_value"));
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("raw", rs.getString("raw_text"));
                    cell.put("confidence", rs.getDouble("confidence"));
                    List<Map<String, Object>> flags = Json.readObjects(rs.getString("flags_json"));
                    cell.put("flags", codes(flags));
                    cell.put("reasons", flags);
                    cell.put("page", rs.getObject("page"));
                    String bbox = rs.getString("bbox");
                    cell.put("bbox", bbox == null ? null : Json.read(bbox, new com.fasterxml.jackson.core.type.TypeReference<List<Double>>() {}));
                    cell.put("engine", rs.getString("engine"));
                    if (rs.getString("proposal") != null) cell.put("proposal", rs.getString("proposal"));
                    cells.put(column, cell);
                }
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> facts(Connection c, long documentId) throws SQLException {
        List<Map<String, Object>> facts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT section, quote, figure, fact_value, unit, scope, fact_year, page, line_no FROM narrative_fact "
                        + "WHERE document_id = ? ORDER BY seq")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("section", rs.getString("section"));
                    f.put("quote", rs.getString("quote"));
                    f.put("figure", rs.getString("figure"));
                    f.put("value", rs.getString("fact_value"));
                    f.put("unit", rs.getString("unit"));
                    f.put("scope", rs.getString("scope"));
                    f.put("year", rs.getObject("fact_year"));
                    f.put("page", rs.getObject("page"));
                    f.put("line", rs.getObject("line_no"));
                    facts.add(f);
                }
            }
        }
        return facts;
    }

    private static List<Map<String, Object>> documentReasons(Connection c, long documentId) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, message FROM document_flag WHERE document_id = ? ORDER BY id")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("code", rs.getString("code"));
                    f.put("message", rs.getString("message"));
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static List<String> codes(List<Map<String, Object>> flags) {
        return flags.stream().map(f -> String.valueOf(f.get("code"))).toList();
    }
}

package reportingest.review;

import reportingest.reconcile.Flag;
import reportingest.store.Database;
import reportingest.store.Json;
import reportingest.store.StoredDocumentReader;

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
 * What needs a reviewer: document-level and table-level flags nobody approved, then rows with status
 * NEEDS_REVIEW, each with its reasons and its cells (raw text, page, box, proposal, version), of
 * documents that were not rejected. Items are plain maps: this is the API's shape.
 */
public final class ReviewQueue {
    private final Database db;

    public ReviewQueue(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} items (one more is read, so the caller can tell whether there are more). */
    public List<Map<String, Object>> items(Long documentId, int limit) {
        return db.inTransaction(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            documentItems(c, documentId, out, limit);
            if (out.size() < limit) tableItems(c, documentId, out, limit);
            if (out.size() < limit) rowItems(c, documentId, out, limit);
            return out;
        });
    }

    /** Whether the document exists (a queue of an unknown document is a 404, not an empty list). */
    public boolean documentExists(long documentId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM document WHERE id = ?")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** One row, whatever its status, in the shape of a row item: key, status, reasons, cells, {@code version}. */
    public Optional<Map<String, Object>> row(long rowId) {
        return db.inTransaction(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            rowItems(c, " AND r.id = " + rowId, "", out, 1);
            out.forEach(ReviewQueue::distinctReasons);
            return out.stream().findFirst();
        });
    }

    /** One cell with its row's id, key and status, and its {@code version}. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> cell(long cellId) {
        return db.inTransaction(c -> {
            Long rowId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT row_id FROM cell WHERE id = ?")) {
                ps.setLong(1, cellId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) rowId = rs.getLong(1);
                }
            }
            if (rowId == null) return Optional.<Map<String, Object>>empty();
            List<Map<String, Object>> out = new ArrayList<>();
            rowItems(c, " AND r.id = " + rowId, "", out, 1);
            Map<String, Object> row = out.get(0);
            Map<String, Object> cell = new LinkedHashMap<>(((List<Map<String, Object>>) row.get("cells")).stream()
                    .filter(x -> ((Long) x.get("cellId")) == cellId).findFirst().orElseThrow());
            cell.put("documentId", row.get("documentId"));
            cell.put("schema", row.get("schema"));
            cell.put("rowId", row.get("rowId"));
            cell.put("rowKey", row.get("rowKey"));
            cell.put("status", row.get("status"));
            return Optional.of(cell);
        });
    }

    private static String documentFilter(Long documentId) {
        return documentId == null ? "" : " AND d.id = " + documentId;
    }

    private static void documentItems(Connection c, Long documentId, List<Map<String, Object>> out, int limit) throws SQLException {
        Map<Long, Map<String, Object>> byDoc = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.file_name, d.status, f.code, f.message FROM document_flag f "
                + "JOIN document d ON f.document_id = d.id WHERE d.status = 'NEEDS_REVIEW' AND d.approved_by IS NULL"
                + documentFilter(documentId) + " ORDER BY d.id, f.id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Flag f = new Flag(rs.getString("code"), rs.getString("message"));
                    if (!f.asksForReview()) continue;
                    long id = rs.getLong("id");
                    Map<String, Object> item = byDoc.get(id);
                    if (item == null) {
                        if (byDoc.size() + out.size() >= limit + 1) break;
                        item = new LinkedHashMap<>();
                        item.put("kind", "document");
                        item.put("documentId", id);
                        item.put("fileName", rs.getString("file_name"));
                        item.put("status", rs.getString("status"));
                        item.put("reasons", new ArrayList<Map<String, Object>>());
                        item.put("actions", Map.of("approve", "/api/documents/" + id + "/approval",
                                "reject", "/api/documents/" + id + "/rejection"));
                        byDoc.put(id, item);
                    }
                    reasons(item).add(reason(f, null));
                }
            }
        }
        out.addAll(byDoc.values());
    }

    private static void tableItems(Connection c, Long documentId, List<Map<String, Object>> out, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.schema_id, t.title, t.flags_json, t.page_from, t.page_to, "
                + "d.id AS document_id, d.file_name FROM extracted_table t JOIN document d ON t.document_id = d.id "
                + "WHERE d.status = 'NEEDS_REVIEW' AND d.approved_by IS NULL" + documentFilter(documentId)
                + " ORDER BY d.id, t.seq")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() <= limit) {
                    List<Flag> flags = StoredDocumentReader.flags(rs.getString("flags_json")).stream()
                            .filter(Flag::asksForReview).toList();
                    if (flags.isEmpty()) continue;
                    Map<String, Object> item = new LinkedHashMap<>();
                    long docId = rs.getLong("document_id");
                    item.put("kind", "table");
                    item.put("documentId", docId);
                    item.put("fileName", rs.getString("file_name"));
                    item.put("tableId", rs.getLong("id"));
                    item.put("schema", rs.getString("schema_id"));
                    item.put("title", rs.getString("title"));
                    item.put("page", rs.getInt("page_from"));
                    item.put("pages", List.of(rs.getInt("page_from"), rs.getInt("page_to")));
                    item.put("reasons", flags.stream().map(f -> reason(f, null)).toList());
                    item.put("actions", Map.of("approve", "/api/documents/" + docId + "/approval",
                            "reject", "/api/documents/" + docId + "/rejection"));
                    out.add(item);
                }
            }
        }
    }

    private static void rowItems(Connection c, Long documentId, List<Map<String, Object>> out, int limit) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        rowItems(c, documentFilter(documentId), " AND r.status = 'NEEDS_REVIEW' AND d.status <> 'REJECTED'", rows, limit);
        for (Map<String, Object> item : rows) {
            distinctReasons(item);
            brief(item);
        }
        out.addAll(rows);
    }

    /** The longest reason a queue item shows; the whole sentence is in {@code GET /api/rows/{rowId}} ({@code details}). */
    static final int BRIEF = 300;

    /**
     * Each reason once: a row carries copies of its cells' flags, and one identity flags every cell it reads, so the
     * same sentence came once per row and per column. Now one reason per sentence, with the columns it concerns.
     */
    @SuppressWarnings("unchecked")
    static void distinctReasons(Map<String, Object> item) {
        Map<String, Map<String, Object>> byText = new LinkedHashMap<>();
        for (Map<String, Object> r : reasons(item)) {
            String k = r.get("code") + "\u0000" + r.get("message");
            Map<String, Object> seen = byText.get(k);
            if (seen == null) {
                seen = new LinkedHashMap<>(r);
                seen.put("columns", new ArrayList<String>());
                byText.put(k, seen);
            }
            if (r.get("column") instanceof String col && !((List<String>) seen.get("columns")).contains(col)) {
                ((List<String>) seen.get("columns")).add(col);
                seen.putIfAbsent("column", col);
            }
        }
        item.put("reasons", new ArrayList<>(byText.values()));
    }

    /** Messages cut to {@link #BRIEF} characters in the queue, with where to read them whole. */
    private static void brief(Map<String, Object> item) {
        for (Map<String, Object> r : reasons(item)) {
            if (r.get("message") instanceof String m && m.length() > BRIEF) {
                r.put("message", m.substring(0, BRIEF - 1) + "…");
                r.put("details", "/api/rows/" + item.get("rowId"));
            }
        }
    }

    private static void rowItems(Connection c, String filter, String queueFilter, List<Map<String, Object>> out, int limit)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.key_json, r.status, r.flags_json, t.id AS table_id, "
                + "t.schema_id, d.id AS document_id, d.file_name FROM table_row r JOIN extracted_table t ON r.table_id = t.id "
                + "JOIN document d ON t.document_id = d.id WHERE 1 = 1" + queueFilter
                + filter + " ORDER BY d.id, t.seq, r.seq LIMIT ?")) {
            ps.setInt(1, limit + 1 - out.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    long rowId = rs.getLong("id");
                    item.put("kind", "row");
                    item.put("documentId", rs.getLong("document_id"));
                    item.put("fileName", rs.getString("file_name"));
                    item.put("tableId", rs.getLong("table_id"));
                    item.put("schema", rs.getString("schema_id"));
                    item.put("rowId", rowId);
                    item.put("rowKey", Json.readObject(rs.getString("key_json")));
                    item.put("status", rs.getString("status"));
                    item.put("reasons", new ArrayList<>(StoredDocumentReader.flags(rs.getString("flags_json")).stream()
                            .map(f -> reason(f, null)).toList()));
                    item.put("actions", rowActions(rowId));
                    rows.add(item);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, column_name, cell_value, raw_text, confidence, flags_json, "
                + "page, bbox, proposal, change_seq FROM cell WHERE row_id = ? ORDER BY seq")) {
            for (Map<String, Object> item : rows) {
                ps.setLong(1, (Long) item.get("rowId"));
                List<Map<String, Object>> cells = new ArrayList<>();
                double[] box = null;
                Integer page = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> cell = new LinkedHashMap<>();
                        long cellId = rs.getLong("id");
                        String column = rs.getString("column_name");
                        List<Flag> flags = StoredDocumentReader.flags(rs.getString("flags_json"));
                        List<Double> bbox = Json.bbox(rs.getString("bbox"));
                        Integer cellPage = (Integer) rs.getObject("page");
                        cell.put("cellId", cellId);
                        cell.put("column", column);
                        cell.put("value", rs.getString("cell_value"));
                        cell.put("raw", rs.getString("raw_text"));
                        cell.put("confidence", rs.getDouble("confidence"));
                        cell.put("flags", flags.stream().map(Flag::code).toList());
                        cell.put("page", cellPage);
                        cell.put("bbox", bbox);
                        cell.put("proposal", rs.getString("proposal"));
                        cell.put("version", rs.getLong("change_seq"));
                        cell.put("image", bbox == null ? null : "/api/cells/" + cellId + "/crop.png");
                        // the actions that apply to this cell: a correction always, a proposal's acceptance when there is one
                        Map<String, Object> actions = new LinkedHashMap<>();
                        actions.put("correct", "/api/cells/" + cellId + "/correction");
                        if (rs.getString("proposal") != null) actions.put("acceptProposal", "/api/cells/" + cellId + "/proposal-acceptance");
                        cell.put("actions", actions);
                        cells.add(cell);
                        for (Flag f : flags) reasons(item).add(reason(f, column));
                        if (bbox != null && cellPage != null && (page == null || page.equals(cellPage))) {
                            page = cellPage;
                            box = union(box, bbox);
                        }
                    }
                }
                item.put("page", page);
                item.put("bbox", box == null ? null : List.of(box[0], box[1], box[2] - box[0], box[3] - box[1]));
                // the row's version (what a label correction sends): the newest change of its cells
                item.put("version", cells.stream().mapToLong(x -> (Long) x.get("version")).max().orElse(0));
                item.put("cells", cells);
            }
        }
        out.addAll(rows);
    }

    /** What a reviewer can do with a row: approve it as it is, or correct its label (cells have their own actions). */
    private static Map<String, Object> rowActions(long rowId) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("approve", "/api/rows/" + rowId + "/approval");
        a.put("correctLabel", "/api/rows/" + rowId + "/label-correction");
        return a;
    }

    /** The box around all of a row's cells on its first page, so the reviewer can see the whole printed row. */
    private static double[] union(double[] box, List<Double> b) {
        double x0 = b.get(0), y0 = b.get(1), x1 = x0 + b.get(2), y1 = y0 + b.get(3);
        if (box == null) return new double[]{x0, y0, x1, y1};
        return new double[]{Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)};
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("reasons");
    }

    private static Map<String, Object> reason(Flag f, String column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("message", f.message());
        if (column != null) m.put("column", column);
        return m;
    }
}

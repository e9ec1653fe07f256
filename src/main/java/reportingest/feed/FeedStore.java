package reportingest.feed;

import reportingest.store.ChangeFeed;
import reportingest.store.Database;
import reportingest.store.DocumentStatus;
import reportingest.store.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pull feed: every cell in the order of its last change ({@link ChangeFeed}). A cell that changes
 * (correction, or a status change after re-validation) moves to a new, higher number, so a client
 * that continues from its cursor sees each change once and never misses one.
 */
public final class FeedStore {
    private static final String SELECT = "SELECT c.id, c.column_name, c.cell_value, c.confidence, c.flags_json, c.page, "
            + "c.bbox, c.change_seq, r.key_json, r.status AS row_status, r.flags_json AS row_flags, t.schema_id, "
            + "d.id AS document_id, d.file_name, d.unit, d.fiscal_year, d.status AS document_status, d.media_type, d.facts_json "
            + "FROM cell c JOIN table_row r ON c.row_id = r.id JOIN extracted_table t ON r.table_id = t.id "
            + "JOIN document d ON t.document_id = d.id ";

    private final Database db;

    public FeedStore(Database db) {
        this.db = db;
    }

    public FeedPage page(FeedQuery q) {
        return db.inTransaction(c -> {
            // read first: every change at or below it is committed, so the page below cannot miss one
            long horizon = ChangeFeed.horizon(c);
            StringBuilder sql = new StringBuilder(SELECT).append("WHERE c.change_seq > ? AND c.change_seq <= ?");
            List<Object> args = new ArrayList<>(List.of(q.since(), horizon));
            if (q.status() != null) {
                if (q.status().equals(DocumentStatus.REJECTED.name())) {
                    sql.append(" AND d.status = 'REJECTED'");
                } else {
                    sql.append(" AND r.status = ? AND d.status <> 'REJECTED'");
                    args.add(q.status());
                }
            }
            if (q.schema() != null) { sql.append(" AND t.schema_id = ?"); args.add(q.schema()); }
            if (q.unit() != null) { sql.append(" AND d.unit = ?"); args.add(q.unit()); }
            if (q.year() != null) { sql.append(" AND d.fiscal_year = ?"); args.add(q.year()); }
            sql.append(" ORDER BY c.change_seq LIMIT ?");
            args.add(q.limit() + 1);
            List<FeedFact> items = query(c, sql.toString(), args);
            if (items.size() > q.limit()) {
                items = items.subList(0, q.limit());
                return new FeedPage(List.copyOf(items), items.get(items.size() - 1).changeSeq(), true);
            }
            // all changes up to the horizon were scanned, matching or not: continue from there
            return new FeedPage(items, Math.max(q.since(), horizon), false);
        });
    }

    /** The schema ids stored tables carry (the catalog's, and whatever else the reader stored, e.g. unknown tables). */
    public List<String> storedSchemas() {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT schema_id FROM extracted_table ORDER BY schema_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Every cell with the feed's fields, in change order (tests and reconciliation checks). */
    public List<FeedFact> all() {
        return db.inTransaction(c -> query(c, SELECT + "ORDER BY c.change_seq", List.of()));
    }

    private static List<FeedFact> query(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<FeedFact> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        }
    }

    private static FeedFact read(ResultSet rs) throws SQLException {
        Set<String> flags = new LinkedHashSet<>(flagCodes(rs.getString("flags_json")));
        flags.addAll(flagCodes(rs.getString("row_flags")));
        String status = DocumentStatus.REJECTED.name().equals(rs.getString("document_status"))
                ? DocumentStatus.REJECTED.name() : rs.getString("row_status");
        return new FeedFact(rs.getLong("id"), rs.getLong("document_id"), rs.getString("file_name"), rs.getString("unit"),
                (Integer) rs.getObject("fiscal_year"), rs.getString("schema_id"), Json.readObject(rs.getString("key_json")),
                rs.getString("column_name"), rs.getString("cell_value"), status, rs.getDouble("confidence"),
                List.copyOf(flags), (Integer) rs.getObject("page"), Json.bbox(rs.getString("bbox")), rs.getLong("change_seq"),
                rs.getString("unit"), rs.getString("document_status"), amountUnit(rs.getString("facts_json")),
                "text/plain".equals(baseType(rs.getString("media_type"))) ? FeedFact.BBOX_TEXT_GRID : FeedFact.BBOX_POINTS);
    }

    private static String baseType(String mediaType) {
        return mediaType == null ? null : mediaType.split(";")[0].strip();
    }

    /** The document's amount unit as read (document facts); null when no table prints one, or before it was recorded. */
    @SuppressWarnings("unchecked")
    private static String amountUnit(String factsJson) {
        if (factsJson == null) return null;
        Object f = Json.readObject(factsJson).get("amountUnit");
        return f instanceof Map<?, ?> m && m.get("value") instanceof String s ? s : null;
    }

    static List<String> flagCodes(String json) {
        return Json.readObjects(json).stream().map(f -> String.valueOf(f.get("code"))).toList();
    }

    static Map<String, Object> key(String json) {
        return Json.readObject(json);
    }
}

package reportingest.review;

import reportingest.store.Database;
import reportingest.store.DocumentStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The review_action table: written in the transaction of the action it records, read by the API. */
public final class AuditTrail {
    private final Database db;

    public AuditTrail(Database db) {
        this.db = db;
    }

    /** The entry this thread recorded last, so the action can be logged once its transaction committed. */
    private static final ThreadLocal<AuditEntry> LAST = new ThreadLocal<>();

    static AuditEntry takeLast() {
        AuditEntry e = LAST.get();
        LAST.remove();
        return e;
    }

    static long record(Connection c, AuditEntry e) throws SQLException {
        LAST.set(e);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO review_action (action, document_id, table_id, row_id, cell_id, column_name, old_value, new_value, "
                        + "status_before, status_after, reviewer, comment, change_seq, acted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.action());
            ps.setLong(2, e.documentId());
            ps.setObject(3, e.tableId());
            ps.setObject(4, e.rowId());
            ps.setObject(5, e.cellId());
            ps.setString(6, e.column());
            ps.setString(7, e.oldValue());
            ps.setString(8, e.newValue());
            ps.setString(9, e.statusBefore());
            ps.setString(10, e.statusAfter());
            ps.setString(11, e.reviewer());
            ps.setString(12, DocumentStore.truncate(e.comment(), 4000));
            ps.setObject(13, e.changeSeq());
            ps.setObject(14, OffsetDateTime.parse(e.at()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Actions in the order they happened after {@code afterId}, optionally of one document, row or cell. */
    public List<AuditEntry> list(Long documentId, Long rowId, Long cellId, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM review_action WHERE id > ?");
        List<Object> args = new ArrayList<>(List.of(afterId));
        if (documentId != null) { sql.append(" AND document_id = ?"); args.add(documentId); }
        if (rowId != null) { sql.append(" AND row_id = ?"); args.add(rowId); }
        if (cellId != null) { sql.append(" AND cell_id = ?"); args.add(cellId); }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(limit);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong("id"), rs.getString("action"),
                                rs.getObject("acted_at", OffsetDateTime.class).toString(), rs.getString("reviewer"),
                                rs.getString("comment"), rs.getLong("document_id"), longOrNull(rs, "table_id"),
                                longOrNull(rs, "row_id"), longOrNull(rs, "cell_id"), rs.getString("column_name"),
                                rs.getString("old_value"), rs.getString("new_value"), rs.getString("status_before"),
                                rs.getString("status_after"), longOrNull(rs, "change_seq")));
                    }
                }
                return out;
            }
        });
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

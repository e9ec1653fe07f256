package reportingest.review;

import reportingest.store.DocumentStatus;
import reportingest.store.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A stored row as a review action sees it. Its {@code version} is the highest change number of its cells:
 * every change to the row (a label, a status, a cell) gives at least one of its cells a new number.
 */
record RowRef(long id, long tableId, long documentId, Map<String, Object> key, String status, String schema,
              DocumentStatus documentStatus, long version) {

    static RowRef read(Connection c, long rowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.table_id, r.key_json, r.status, t.document_id, t.schema_id, "
                + "d.status AS doc_status FROM table_row r JOIN extracted_table t ON r.table_id = t.id "
                + "JOIN document d ON t.document_id = d.id WHERE r.id = ?")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new ReviewRefused(ReviewRefused.Reason.NOT_FOUND, "no row " + rowId);
                return new RowRef(rowId, rs.getLong("table_id"), rs.getLong("document_id"), Json.readObject(rs.getString("key_json")),
                        rs.getString("status"), rs.getString("schema_id"), DocumentStatus.valueOf(rs.getString("doc_status")),
                        version(c, rowId));
            }
        }
    }

    static long version(Connection c, long rowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(change_seq), 0) FROM cell WHERE row_id = ?")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package reportingest.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** Where a cell was read: its document, page and box. */
public final class CellLocator {
    public record Location(long cellId, long documentId, Integer page, List<Double> bbox) {}

    private final Database db;

    public CellLocator(Database db) {
        this.db = db;
    }

    public Optional<Location> locate(long cellId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.document_id, c.page, c.bbox FROM cell c "
                    + "JOIN table_row r ON c.row_id = r.id JOIN extracted_table t ON r.table_id = t.id WHERE c.id = ?")) {
                ps.setLong(1, cellId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Location(cellId, rs.getLong(1), (Integer) rs.getObject(2),
                            Json.bbox(rs.getString(3))));
                }
            }
        });
    }
}

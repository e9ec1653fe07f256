package reportingest.review;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.reconcile.Flag;
import reportingest.store.Json;
import reportingest.store.Database;
import reportingest.store.StoredDocumentReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review station's queue: one line per document (not per row, as {@link ReviewQueue}) with what a reviewer
 * sorts by (body, year, file name, received) and how much is left to do in it (flagged rows and cells, the
 * document's and its tables' own flags nobody approved), its reasons in plain words, and, for a failed file, why and
 * what to do (from its error file, in English and Chinese).
 */
public final class ReviewOverview {
    /** The document statuses the station filters by, and {@code ALL}. */
    public static final List<String> STATUSES = List.of("NEEDS_REVIEW", "DONE", "REJECTED", "FAILED", "DUPLICATE",
            "PROCESSING", "RECEIVED", "ALL");

    private final Database db;

    public ReviewOverview(Database db) {
        this.db = db;
    }

    /**
     * Documents of {@code status} ({@code ALL}: any), optionally of one body (a part of its name) and year, in the order
     * received; up to {@code limit + 1} items so the caller can tell whether there are more.
     */
    public List<Map<String, Object>> documents(String status, String body, Integer year, long afterId, int limit) {
        return db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, file_name, status, unit, fiscal_year, kind, received_at, "
                    + "finished_at, pages, media_type, error_reason, approved_by, stored_as FROM document WHERE id > ?");
            List<Object> args = new ArrayList<>();
            args.add(afterId);
            if (!"ALL".equals(status)) {
                sql.append(" AND status = ?");
                args.add(status);
            }
            if (body != null && !body.isBlank()) {
                sql.append(" AND POSITION(? IN unit) > 0");
                args.add(body.strip());
            }
            if (year != null) {
                sql.append(" AND fiscal_year = ?");
                args.add(year);
            }
            sql.append(" ORDER BY id LIMIT ?");
            args.add(limit + 1);
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("documentId", rs.getLong("id"));
                        m.put("fileName", rs.getString("file_name"));
                        m.put("status", rs.getString("status"));
                        m.put("body", rs.getString("unit"));
                        m.put("fiscalYear", rs.getObject("fiscal_year"));
                        m.put("kind", rs.getString("kind") == null ? "unknown" : rs.getString("kind"));
                        m.put("type", rs.getString("media_type"));
                        m.put("pages", rs.getObject("pages"));
                        Timestamp received = rs.getTimestamp("received_at");
                        m.put("receivedAt", received == null ? null : received.toInstant().toString());
                        Timestamp finished = rs.getTimestamp("finished_at");
                        m.put("finishedAt", finished == null ? null : finished.toInstant().toString());
                        m.put("error", rs.getString("error_reason"));
                        if ("FAILED".equals(rs.getString("status"))) errorFile(m, rs.getString("stored_as"));
                        m.put("approvedBy", rs.getString("approved_by"));
                        out.add(m);
                    }
                }
            }
            for (Map<String, Object> m : out) counts(c, m);
            return out;
        });
    }

    /**
     * A failed file's error file ({@code <stored name>.error.json} beside it in failed/): its code, what to do, and
     * both in Chinese, for the clerk. Nothing when it cannot be read (the row's English reason stays).
     */
    private static void errorFile(Map<String, Object> m, String storedAs) {
        if (storedAs == null) return;
        try {
            Path file = Path.of(storedAs + ".error.json");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 64_000) return;
            JsonNode e = Json.MAPPER.readTree(Files.readString(file));
            if (e.path("documentId").asLong(-1) != (Long) m.get("documentId")) return;
            for (String field : List.of("code", "action", "reasonZh", "actionZh")) {
                if (e.path(field).isTextual()) m.put(field, e.get(field).asText());
            }
        } catch (IOException | RuntimeException e) {
            // the English reason of the row is enough
        }
    }

    /** flaggedRows, flaggedCells, documentFlags and the distinct reasons ({code, reason, reasonZh}) of one document. */
    private static void counts(Connection c, Map<String, Object> m) throws SQLException {
        long id = (Long) m.get("documentId");
        Set<String> codes = new LinkedHashSet<>();
        int documentFlags = 0;
        if (m.get("approvedBy") == null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM document_flag WHERE document_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (new Flag(rs.getString(1), "").asksForReview()) {
                            documentFlags++;
                            codes.add(rs.getString(1));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT flags_json FROM extracted_table WHERE document_id = ? ORDER BY seq")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (Flag f : StoredDocumentReader.flags(rs.getString(1))) {
                            if (f.asksForReview()) {
                                documentFlags++;
                                codes.add(f.code());
                            }
                        }
                    }
                }
            }
        }
        int rows = 0, cells = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.flags_json FROM table_row r JOIN extracted_table t "
                + "ON r.table_id = t.id WHERE t.document_id = ? AND r.status = 'NEEDS_REVIEW'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    for (Flag f : StoredDocumentReader.flags(rs.getString(1))) if (f.asksForReview()) codes.add(f.code());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT c.flags_json FROM cell c JOIN table_row r ON c.row_id = r.id "
                + "JOIN extracted_table t ON r.table_id = t.id WHERE t.document_id = ? AND r.status = 'NEEDS_REVIEW'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean flagged = false;
                    for (Flag f : StoredDocumentReader.flags(rs.getString(1))) {
                        if (!f.asksForReview()) continue;
                        flagged = true;
                        codes.add(f.code()); // a row does not always carry copies of its cells' flags
                    }
                    if (flagged) cells++;
                }
            }
        }
        m.remove("approvedBy");
        m.put("flaggedRows", rows);
        m.put("flaggedCells", cells);
        m.put("documentFlags", documentFlags);
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (String code : codes) reasons.add(words(code));
        m.put("reasons", reasons);
    }

    /** A flag code in plain words: {code, review, reason, reasonZh}. */
    public static Map<String, Object> words(String code) {
        List<String> w = ReviewSidecar.reasonWords(code);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("review", new Flag(code, "").asksForReview());
        r.put("reason", w.get(0));
        r.put("reasonZh", w.get(1));
        return r;
    }

    /** Every flag code the service writes, in plain words (CONTRACT.md, "Flags"). */
    public static List<Map<String, Object>> allWords() {
        return ReviewSidecar.ReasonWords.CODES.stream().map(ReviewOverview::words).toList();
    }
}

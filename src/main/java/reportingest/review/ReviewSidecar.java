package reportingest.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.reconcile.Flag;
import reportingest.store.Database;
import reportingest.store.Json;
import reportingest.store.StoredDocumentReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code <stored name>.review.json} beside an original in archive/ whose document needs review, so a clerk sees the
 * outcome in the folder: document id, status, how many rows and cells are flagged, the distinct reasons in plain
 * English and Chinese, and the review API path. Written at placement (before the row records where the file lies);
 * after a review action it is (re)written while the document needs review and removed once it does not (approved,
 * corrected to DONE, or rejected). Only a sidecar this service wrote (same document id) is ever rewritten or removed.
 */
public final class ReviewSidecar {
    private static final Logger log = LoggerFactory.getLogger(ReviewSidecar.class);
    public static final String SUFFIX = ".review.json";

    private final Database db;

    public ReviewSidecar(Database db) {
        this.db = db;
    }

    /**
     * The sidecar's text for the document, given where its file is stored, when it needs review; empty for any other
     * status.
     */
    public Optional<Function<Path, String>> content(long documentId) {
        return db.inTransaction(c -> {
            Doc d = doc(c, documentId);
            if (d == null || !"NEEDS_REVIEW".equals(d.status())) return Optional.<Function<Path, String>>empty();
            Map<String, Object> body = body(c, d);
            return Optional.of(target -> Json.pretty(withStoredAs(body, d.fileName(), target)));
        });
    }

    /** {@code storedAs} right after {@code file}, when the stored name is not the file's own. */
    private static Map<String, Object> withStoredAs(Map<String, Object> body, String fileName, Path target) {
        Map<String, Object> m = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            m.put(k, v);
            if (k.equals("file") && target != null && !target.getFileName().toString().equals(fileName)) {
                m.put("storedAs", target.getFileName().toString());
            }
        });
        return m;
    }

    /**
     * After a review action: the sidecar of the document's stored file written while it needs review (also when it did
     * not before the action), removed once it does not. A file of that name this service did not write for this
     * document is never touched. A sidecar that cannot be written is logged, never fails the action.
     */
    public void refresh(long documentId) {
        try {
            record Now(Doc doc, Map<String, Object> body) {}
            Now now = db.inTransaction(c -> {
                Doc d = doc(c, documentId);
                if (d == null || d.storedAs() == null) return null;
                return new Now(d, "NEEDS_REVIEW".equals(d.status()) ? body(c, d) : null);
            });
            if (now == null) return;
            Path sidecar = Path.of(now.doc().storedAs() + SUFFIX);
            boolean exists = Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS);
            if (exists && !ours(sidecar, documentId)) return;
            if (now.body() != null) {
                byte[] text = Json.pretty(withStoredAs(now.body(), now.doc().fileName(), Path.of(now.doc().storedAs()))).getBytes(StandardCharsets.UTF_8);
                if (exists) {
                    Files.write(sidecar, text, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                } else if (Files.isRegularFile(Path.of(now.doc().storedAs()), LinkOption.NOFOLLOW_LINKS)) {
                    // a document that needs review only since a review action (a correction that breaks an identity)
                    Files.write(sidecar, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    log.info("Wrote {}: document {} needs review now", sidecar, documentId);
                }
            } else if (exists) {
                Files.delete(sidecar);
                log.info("Removed {}: document {} is {} now", sidecar, documentId, now.doc().status());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not update the review file of document {}: {}", documentId, e.getMessage());
        }
    }

    private static boolean ours(Path sidecar, long documentId) {
        if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(sidecar));
            return n.path("documentId").asLong(-1) == documentId && n.has("review");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private record Doc(long id, String fileName, String status, String storedAs, boolean approved) {}

    private static Doc doc(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, file_name, status, stored_as, approved_by FROM document WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new Doc(id, rs.getString("file_name"), rs.getString("status"), rs.getString("stored_as"),
                        rs.getString("approved_by") != null);
            }
        }
    }

    private static Map<String, Object> body(Connection c, Doc d) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        if (!d.approved()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM document_flag WHERE document_id = ? ORDER BY id")) {
                ps.setLong(1, d.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) if (new Flag(rs.getString(1), "").asksForReview()) codes.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT flags_json FROM extracted_table WHERE document_id = ? ORDER BY seq")) {
                ps.setLong(1, d.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) addCodes(codes, rs.getString(1));
                }
            }
        }
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.flags_json FROM table_row r JOIN extracted_table t "
                + "ON r.table_id = t.id WHERE t.document_id = ? AND r.status = 'NEEDS_REVIEW' ORDER BY t.seq, r.seq")) {
            ps.setLong(1, d.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    addCodes(codes, rs.getString(1));
                }
            }
        }
        int cells = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.flags_json FROM cell c JOIN table_row r ON c.row_id = r.id "
                + "JOIN extracted_table t ON r.table_id = t.id WHERE t.document_id = ? AND r.status = 'NEEDS_REVIEW'")) {
            ps.setLong(1, d.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (StoredDocumentReader.flags(rs.getString(1)).stream().anyMatch(Flag::asksForReview)) cells++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.fileName());
        m.put("documentId", d.id());
        m.put("status", d.status());
        m.put("summary", "Read and stored, but a person must check it before its records are trusted: " + rows
                + " row(s) and " + cells + " cell(s) are flagged, for the reasons listed.");
        m.put("summaryZh", "已读取并保存，但需人工核对后方可采用：" + rows + " 行、" + cells + " 个单元格被标记，原因如下。");
        m.put("flaggedRows", rows);
        m.put("flaggedCells", cells);
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (String code : codes) {
            String[] words = ReasonWords.of(code);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", code);
            r.put("reason", words[0]);
            r.put("reasonZh", words[1]);
            reasons.add(r);
        }
        m.put("reasons", reasons);
        m.put("review", "/api/review?document=" + d.id());
        m.put("asOf", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return m;
    }

    /** A flag code's reason for a clerk: {English, Chinese}; a code without words of its own gets a generic sentence. */
    public static List<String> reasonWords(String code) {
        return List.of(ReasonWords.of(code));
    }

    private static void addCodes(Set<String> codes, String flagsJson) {
        for (Flag f : StoredDocumentReader.flags(flagsJson)) if (f.asksForReview()) codes.add(f.code());
    }

    /** A flag code in plain words for a clerk, English and Chinese. */
    static final class ReasonWords {
        private static final Map<String, String[]> WORDS = Map.ofEntries(
                Map.entry("OCR_LOW_CONFIDENCE", new String[]{"Some values were hard to read on the page.",
                        "部分数值在页面上难以辨认，可能识别有误。"}),
                Map.entry("PARSE_AMBIGUOUS", new String[]{"Some values could not be read as one clear number.",
                        "部分数值无法确定地读成一个数字。"}),
                Map.entry("HEADER_UNMATCHED", new String[]{"A table's header does not match the known form.",
                        "表头与标准表样不符。"}),
                Map.entry("COLUMN_MISSING", new String[]{"A column the form should have was not found.",
                        "缺少表样应有的列。"}),
                Map.entry("ROW_SUM_MISMATCH", new String[]{"In some rows the parts do not add up to the row's total.",
                        "部分行内各项之和与该行合计不符。"}),
                Map.entry("HIERARCHY_SUM_MISMATCH", new String[]{"Sub-items do not add up to their category (类/款/项).",
                        "下级科目之和与上级科目（类/款/项）不符。"}),
                Map.entry("TOTAL_MISMATCH", new String[]{"Rows do not add up to the table's total.",
                        "各行之和与表内总计不符。"}),
                Map.entry("CROSS_TABLE_MISMATCH", new String[]{"Two tables of the report give different figures for the same thing.",
                        "报告中两张表格对同一项目的数字不一致。"}),
                Map.entry("NARRATIVE_MISMATCH", new String[]{"A figure in the report's text differs from its tables.",
                        "报告说明文字中的数字与表格不一致。"}),
                Map.entry("REPAIR_PROPOSED", new String[]{"A likely misread digit has a proposed correction, not applied yet.",
                        "有疑似识别错误的数字，系统已提出更正建议，尚未采用。"}),
                Map.entry("SCHEMA_UNKNOWN", new String[]{"A table matches none of the known forms; it is kept as printed.",
                        "有表格不属于已知表样，已按原样保存。"}),
                Map.entry("TITLE_UNCERTAIN", new String[]{"A table's title was read from the scan with characters that may be wrong; it is kept as read, or as the book's other titles print those words.",
                        "表名扫描识别中有字符可能有误，已按识别结果保留（或按本书其他表名同处的字补正），请核对。"}),
                Map.entry("TABLE_MISSING", new String[]{"A table the report's contents list was not found.",
                        "报告目录所列的表格未找到。"}),
                Map.entry("LABEL_UNREADABLE", new String[]{"A row name could not be read, or is not the form's name for its code.",
                        "行名称无法辨认，或与该科目编码在表样中的名称不符。"}),
                Map.entry("LABEL_REPAIRED", new String[]{"A row name or code was inferred and should be checked.",
                        "行名称或科目编码系推断得出，需要核对。"}),
                Map.entry("ENGINES_UNDECIDED", new String[]{"Two OCR engines read a value differently and no check of the table decides which is right.",
                        "两个识别引擎对同一数值读法不同，表内校验也无法判定哪个正确。"}),
                Map.entry("ENGINES_DISAGREED", new String[]{"Two OCR engines read a value differently; the table's sums chose the reading.",
                        "两个识别引擎对同一数值读法不同，已按表内勾稽关系选定读法。"}),
                Map.entry("NO_CONTENT_FOUND", new String[]{"No table and no figure was recognised in the file.",
                        "文件中未识别出任何表格或数字。"}),
                // provenance only: they never send a record to review, but the review station shows them too
                Map.entry("TABLE_SPLIT_ACROSS_PAGES", new String[]{"The table continues over a page break and was joined.",
                        "该表跨页，已拼接为一张表。"}),
                Map.entry("SCHEMA_FROM_HEADER", new String[]{"The table's title was unreadable; its header named the form.",
                        "表名无法辨认，已根据表头确定表样。"}),
                Map.entry("FORM_NUMBER_RECONCILED", new String[]{"The table's form number was misread; the tables around it gave its number.",
                        "表号识别有误，已按前后表号确定。"}),
                Map.entry("TITLE_RECONCILED", new String[]{"The table's title was misread on its page; the contents list gave it.",
                        "表名在表页上识别有误，已按目录确定。"}),
                Map.entry("LABEL_RECONCILED", new String[]{"A row name read with OCR noise was matched to the form's name.",
                        "行名称有识别噪声，已对应到表样中的名称。"}),
                Map.entry("METADATA_UNCERTAIN", new String[]{"The reporting body or fiscal year is not stated, or stated twice differently.",
                        "报告单位或年度未注明，或前后不一致。"}));

        /** Every flag code the service writes, in the order of CONTRACT.md's table. */
        static final List<String> CODES = List.of("OCR_LOW_CONFIDENCE", "PARSE_AMBIGUOUS", "HEADER_UNMATCHED", "COLUMN_MISSING",
                "ROW_SUM_MISMATCH", "HIERARCHY_SUM_MISMATCH", "TOTAL_MISMATCH", "CROSS_TABLE_MISMATCH", "NARRATIVE_MISMATCH",
                "REPAIR_PROPOSED", "TABLE_SPLIT_ACROSS_PAGES", "SCHEMA_UNKNOWN", "SCHEMA_FROM_HEADER", "FORM_NUMBER_RECONCILED", "TITLE_UNCERTAIN", "TITLE_RECONCILED", "TABLE_MISSING",
                "LABEL_RECONCILED", "LABEL_REPAIRED", "LABEL_UNREADABLE", "METADATA_UNCERTAIN", "NO_CONTENT_FOUND");

        static String[] of(String code) {
            String[] w = WORDS.get(code);
            return w != null ? w : new String[]{"Flagged " + code + ": see the review API for the details.",
                    "标记 " + code + "：详情请查看审核接口。"};
        }
    }
}

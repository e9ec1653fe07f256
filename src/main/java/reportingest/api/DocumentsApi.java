package reportingest.api;

import org.apache.camel.Header;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStore;
import reportingest.store.ExportBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers of /api/health and /api/documents…: the document list with its cursor, one document, its export. */
public final class DocumentsApi {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DocumentStore documents;
    private final ExportBuilder exports;

    /** The inbox's state for /api/health: "intake" RUNNING or PAUSED, and "intakeReason" while paused. */
    private final java.util.function.Supplier<Map<String, Object>> intake;

    public DocumentsApi(DocumentStore documents, ExportBuilder exports) {
        this(documents, exports, Map::of);
    }

    public DocumentsApi(DocumentStore documents, ExportBuilder exports, java.util.function.Supplier<Map<String, Object>> intake) {
        this.documents = documents;
        this.exports = exports;
        this.intake = intake;
    }

    public ApiResponse health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.putAll(intake.get());
        try {
            documents.listAfter(Long.MAX_VALUE, 1);
            body.put("database", "UP");
        } catch (RuntimeException e) {
            body.put("status", "DOWN");
            body.put("database", "DOWN: " + e.getMessage());
            return new ApiResponse(503, body, "application/json; charset=UTF-8");
        }
        return ApiResponse.ok(body);
    }

    /** Documents in the order they were received; {@code next} is the cursor for the following page, null at the end. */
    public ApiResponse list(@Header("limit") String limitParam, @Header("after") String afterParam) {
        int limit;
        long after;
        try {
            limit = limitParam == null || limitParam.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limitParam.trim());
            after = afterParam == null || afterParam.isBlank() ? 0 : Long.parseLong(afterParam.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit and after must be whole numbers");
        }
        if (limit < 1 || limit > MAX_LIMIT) return ApiResponse.error(400, "limit must be between 1 and " + MAX_LIMIT);
        if (after < 0) return ApiResponse.error(400, "after must not be negative");
        List<DocumentRecord> page = documents.listAfter(after, limit + 1);
        boolean more = page.size() > limit;
        List<Map<String, Object>> items = new ArrayList<>();
        for (DocumentRecord d : more ? page.subList(0, limit) : page) items.add(item(d));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", more ? String.valueOf(page.get(limit - 1).id()) : null);
        return ApiResponse.ok(body);
    }

    public ApiResponse get(@Header("id") String idParam) {
        Long id = parseId(idParam);
        if (id == null) return ApiResponse.error(400, "document id must be a whole number");
        return documents.find(id).map(d -> ApiResponse.ok(item(d)))
                .orElseGet(() -> ApiResponse.error(404, "no document " + id));
    }

    public ApiResponse export(@Header("id") String idParam) {
        Long id = parseId(idParam);
        if (id == null) return ApiResponse.error(400, "document id must be a whole number");
        return exports.export(id).map(ApiResponse::ok).orElseGet(() -> ApiResponse.error(404, "no document " + id));
    }

    private static Long parseId(String s) {
        try {
            return s == null ? null : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Map<String, Object> item(DocumentRecord d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("fileName", d.fileName());
        m.put("sha256", d.sha256());
        m.put("type", d.type());
        m.put("pages", d.pages());
        // progress while a file is read: pages is known when reading starts (issue #20), pagesDone counts up
        boolean reading = d.status().name().equals("PROCESSING") || d.status().name().equals("RECEIVED");
        m.put("pagesDone", reading ? documents.pagesDone(d.id()) : d.pages());
        m.put("status", d.status().name());
        m.put("flags", d.flags());
        m.put("receivedAt", d.receivedAt() == null ? null : d.receivedAt().toString());
        m.put("finishedAt", d.finishedAt() == null ? null : d.finishedAt().toString());
        m.put("sizeBytes", d.sizeBytes());
        m.put("body", d.unit());
        m.put("unit", d.unit()); // deprecated: the reporting body under its old, ambiguous name; use body
        m.put("fiscalYear", d.fiscalYear());
        // the family is read from the document; a document not (yet) read is of no known family
        m.put("kind", d.kind() == null ? "unknown" : d.kind());
        m.put("level", d.level());
        m.put("facts", d.facts());
        m.put("duplicateOf", d.duplicateOf());
        m.put("error", d.errorReason());
        m.put("storedAs", d.storedAs());
        m.put("attempts", d.attempts());
        m.put("node", d.node());
        return m;
    }
}

package reportingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import reportingest.review.AuditEntry;
import reportingest.review.AuditTrail;
import reportingest.store.Json;
import reportingest.review.ReviewOutcome;
import reportingest.review.ReviewQueue;
import reportingest.review.ReviewRefused;
import reportingest.review.ReviewStore;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Handlers of the reviewers' endpoints: the queue, the actions (each audited) and the audit trail. */
public final class ReviewApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Decimals keep their printed precision (305.20 stays 305.20). */
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ReviewStore review;
    private final ReviewQueue queue;
    private final AuditTrail audit;

    public ReviewApi(ReviewStore review, ReviewQueue queue, AuditTrail audit) {
        this.review = review;
        this.queue = queue;
        this.audit = audit;
    }

    /** {@code GET /api/review}. */
    public ApiResponse queue(@Header("document") String document, @Header("limit") String limitParam) {
        Long documentId = Params.optionalLong("document", document);
        int limit = Params.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        if (documentId != null && !queue.documentExists(documentId)) {
            throw Params.notFound("no document " + documentId + "; GET /api/documents lists the documents");
        }
        List<Map<String, Object>> items = queue.items(documentId, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items.size() > limit ? items.subList(0, limit) : items);
        body.put("more", items.size() > limit);
        return ApiResponse.ok(body);
    }

    /** {@code GET /api/rows/{rowId}}: the row with its key, status, reasons, cells and {@code version}. */
    public ApiResponse row(@Header("rowId") String rowId) {
        long id = Params.requiredId("row id", rowId);
        return ApiResponse.ok(queue.row(id).orElseThrow(() -> Params.notFound("no row " + id)));
    }

    /** {@code GET /api/cells/{cellId}}: the cell with its value, flags, {@code version} and its row's key and status. */
    public ApiResponse cell(@Header("cellId") String cellId) {
        long id = Params.requiredId("cell id", cellId);
        return ApiResponse.ok(queue.cell(id).orElseThrow(() -> Params.notFound("no cell " + id)));
    }

    /** {@code POST /api/cells/{cellId}/correction} {value, version, reviewer, comment}. */
    public ApiResponse correct(@Header("cellId") String cellId, @Body String body,
                                  @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("cell id", cellId);
        JsonNode json = object(body);
        if (!json.has("value")) throw Params.bad("value is required (null or \"\" for a blank cell)");
        JsonNode v = json.get("value");
        if (!v.isNull() && !v.isValueNode()) throw Params.bad("value must be a string or a number");
        String value = v.isNull() ? null : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        return act(() -> review.correct(id, value, version(json), reviewer(json, signedIn), comment(json)));
    }

    /** {@code POST /api/cells/{cellId}/proposal-acceptance} {version, reviewer, comment}. */
    public ApiResponse acceptProposal(@Header("cellId") String cellId, @Body String body,
                                  @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("cell id", cellId);
        JsonNode json = object(body);
        return act(() -> review.acceptProposal(id, version(json), reviewer(json, signedIn), comment(json)));
    }

    /** {@code POST /api/rows/{rowId}/label-correction} {field, value, version, reviewer, comment}. */
    public ApiResponse correctLabel(@Header("rowId") String rowId, @Body String body,
                                  @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("row id", rowId);
        JsonNode json = object(body);
        JsonNode field = json.get("field"), value = json.get("value");
        if (field == null || !field.isTextual()) throw Params.bad("field is required: the row's label field (name, item or label)");
        if (value == null || !value.isTextual()) throw Params.bad("value is required: the label as printed, a string");
        JsonNode v = json.get("version");
        if (v == null || !(v.isIntegralNumber() || v.isTextual() && v.asText().matches("\\d{1,18}"))) {
            throw Params.bad("version is required: the row's version (the highest changeSeq of its cells) as you saw it");
        }
        return act(() -> review.correctLabel(id, field.asText(), value.asText(), v.asLong(), reviewer(json, signedIn), comment(json)));
    }

    /** {@code POST /api/rows/{rowId}/approval} {reviewer, comment}. */
    public ApiResponse approveRow(@Header("rowId") String rowId, @Body String body,
                                  @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("row id", rowId);
        JsonNode json = object(body);
        return act(() -> review.approveRow(id, reviewer(json, signedIn), comment(json)));
    }

    /** {@code POST /api/documents/{id}/approval} {reviewer, comment}. */
    public ApiResponse approveDocument(@Header("id") String documentId, @Body String body,
                                  @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("document id", documentId);
        JsonNode json = object(body);
        return act(() -> review.approveDocument(id, reviewer(json, signedIn), comment(json)));
    }

    /** {@code POST /api/documents/{id}/rejection} {reviewer, comment}. */
    public ApiResponse rejectDocument(@Header("id") String documentId, @Body String body,
                                  @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("document id", documentId);
        JsonNode json = object(body);
        return act(() -> review.rejectDocument(id, reviewer(json, signedIn), comment(json)));
    }

    /** {@code GET /api/audit?document=&row=&cell=&after=&limit=}: actions in the order they happened. */
    public ApiResponse audit(@Header("document") String document, @Header("row") String row, @Header("cell") String cell,
                             @Header("after") String after, @Header("limit") String limitParam) {
        int limit = Params.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        Long afterId = Params.optionalLong("after", after);
        List<AuditEntry> entries = audit.list(Params.optionalLong("document", document), Params.optionalLong("row", row),
                Params.optionalLong("cell", cell), afterId == null ? 0 : afterId, limit + 1);
        boolean more = entries.size() > limit;
        List<AuditEntry> page = more ? entries.subList(0, limit) : entries;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("next", more ? Long.toString(page.get(limit - 1).id()) : null);
        return ApiResponse.ok(body);
    }

    private static ApiResponse act(Supplier<ReviewOutcome> action) {
        try {
            return ApiResponse.ok(action.get());
        } catch (ReviewRefused e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID -> 400;
            };
            return ApiResponse.error(status, e.getMessage());
        }
    }

    private static JsonNode object(String body) {
        if (body == null || body.isBlank()) throw Params.bad("send a JSON object as the request body");
        try {
            JsonNode node = READER.readTree(body);
            if (node == null || !node.isObject()) throw Params.bad("the request body must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw Params.bad("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Params.bad("the request body could not be read: " + e.getMessage());
        }
    }

    private static long version(JsonNode json) {
        JsonNode v = json.get("version");
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        if (v != null && v.isTextual() && v.asText().matches("\\d{1,18}")) return Long.parseLong(v.asText());
        throw Params.bad("version is required: the cell's version (changeSeq) as you saw it in the queue or the feed");
    }

    /** The signed-in reviewer at the review station, else the {@code reviewer} a machine client names. */
    private static String reviewer(JsonNode json, String signedIn) {
        if (signedIn != null) return signedIn;
        JsonNode r = json.get("reviewer");
        if (r == null || !r.isTextual() || r.asText().isBlank()) throw Params.bad("reviewer is required: who is acting");
        if (r.asText().length() > 200) throw Params.bad("reviewer must be at most 200 characters");
        return r.asText().strip();
    }

    private static String comment(JsonNode json) {
        JsonNode c = json.get("comment");
        if (c == null || c.isNull()) return null;
        if (!c.isTextual()) throw Params.bad("comment must be a string");
        if (c.asText().length() > 4000) throw Params.bad("comment must be at most 4000 characters");
        return c.asText();
    }
}

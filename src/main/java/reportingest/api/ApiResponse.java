package reportingest.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an API handler returns: an HTTP status and a body to send as JSON (or text or bytes with a
 * content type), plus any response headers (e.g. the feed cursor of a CSV page).
 */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=UTF-8";

    public ApiResponse(int status, Object body, String contentType) {
        this(status, body, contentType, Map.of());
    }

    public static ApiResponse ok(Object body) { return new ApiResponse(200, body, JSON); }

    public static ApiResponse error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        return new ApiResponse(status, body, JSON);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, contentType, h);
    }
}

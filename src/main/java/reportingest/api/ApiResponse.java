package reportingest.api;

import java.util.Map;

/** What an API handler returns: an HTTP status and a body to send as JSON (or text with a content type). */
public record ApiResponse(int status, Object body, String contentType) {
    public static ApiResponse ok(Object body) { return new ApiResponse(200, body, "application/json; charset=UTF-8"); }

    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, Map.of("error", message, "status", status), "application/json; charset=UTF-8");
    }
}

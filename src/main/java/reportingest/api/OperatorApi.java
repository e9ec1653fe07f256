package reportingest.api;

import org.apache.camel.Header;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Handlers of the operator's view: /api/health/live, /api/health/ready, /api/ledger and /api/metrics. What they
 * answer is worked out at the edge (route: the ledger, the readiness checks, the metrics registry) and handed in
 * by the service as plain suppliers, so this class only reads parameters and chooses the status code.
 */
public final class OperatorApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Prometheus text exposition format 0.0.4. */
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The ledger's answer: counts only when {@code state} is null, else also that state's files from the cursor. */
    @FunctionalInterface
    public interface LedgerView {
        Map<String, Object> read(String state, int limit, String after);
    }

    private final LedgerView ledger;
    private final List<String> states;
    private final Supplier<Map<String, Object>> readiness;
    private final Supplier<String> metrics;

    /**
     * @param states    the ledger's states, as {@code state=} takes them
     * @param readiness the readiness checks: {@code status} UP (ready) or DOWN, {@code checks}, {@code failing}
     * @param metrics   the metrics in Prometheus text format
     */
    public OperatorApi(LedgerView ledger, List<String> states, Supplier<Map<String, Object>> readiness, Supplier<String> metrics) {
        this.ledger = ledger;
        this.states = List.copyOf(states);
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /** The process is up and answers HTTP. */
    public ApiResponse live() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        return ApiResponse.ok(body);
    }

    /** 200 when every check passed, else 503; the answer names the failing checks either way. */
    public ApiResponse ready() {
        Map<String, Object> body = readiness.get();
        return new ApiResponse("UP".equals(body.get("status")) ? 200 : 503, body, ApiResponse.JSON);
    }

    public ApiResponse ledger(@Header("state") String state, @Header("limit") String limitParam, @Header("after") String after) {
        if (state == null || state.isBlank()) {
            if (limitParam != null || after != null) return ApiResponse.error(400, "limit and after list the files of one state: give state too");
            return ApiResponse.ok(ledger.read(null, 0, null));
        }
        if (!states.contains(state)) {
            return ApiResponse.error(400, "unknown state '" + state + "'; the states are: " + String.join(", ", states));
        }
        int limit;
        try {
            limit = limitParam == null || limitParam.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limitParam.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a whole number");
        }
        if (limit < 1 || limit > MAX_LIMIT) return ApiResponse.error(400, "limit must be between 1 and " + MAX_LIMIT);
        try {
            return ApiResponse.ok(ledger.read(state, limit, after));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
    }

    /** The metrics as Prometheus text. */
    public ApiResponse metrics() {
        return new ApiResponse(200, metrics.get(), METRICS_CONTENT_TYPE);
    }
}

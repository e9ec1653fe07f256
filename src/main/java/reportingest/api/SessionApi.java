package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.store.Json;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in of the review station: {@code POST /api/session} {name, password} checks the reviewer's account and sets
 * the session cookie; {@code GET /api/session} says who is signed in (and the CSRF token the page sends on writes);
 * {@code DELETE /api/session} signs out. Machine clients keep using the bearer token and need none of this.
 */
public final class SessionApi {
    private static final Logger log = LoggerFactory.getLogger(SessionApi.class);

    private final ReviewerAccounts accounts;
    private final ReviewSessions sessions;

    public SessionApi(ReviewerAccounts accounts, ReviewSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** {@code GET /api/session}. */
    public ApiResponse current(@Header("Cookie") String cookie) {
        return ApiResponse.ok(state(sessions.find(cookie).orElse(null)));
    }

    /** {@code POST /api/session} {name, password}. */
    public ApiResponse signIn(@Body String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject() || !json.path("name").isTextual() || !json.path("password").isTextual()) {
            throw Params.bad("send {\"name\": \"…\", \"password\": \"…\"}");
        }
        String name = json.get("name").asText().strip();
        if (!ReviewerAccounts.validName(name)) throw Params.bad("name is 1 to 100 characters");
        long wait = sessions.lockedFor(name);
        if (wait > 0) {
            log.warn("Sign-in of reviewer '{}' refused: too many wrong passwords, {} s to wait", name, wait);
            return ApiResponse.error(429, "too many wrong passwords for '" + name + "': try again in " + wait + " s")
                    .withHeader("Retry-After", Long.toString(wait));
        }
        char[] password = json.get("password").asText().toCharArray();
        boolean ok;
        try {
            ok = accounts.verify(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!ok) {
            sessions.failed(name);
            log.warn("Sign-in of reviewer '{}' refused: wrong name or password", name);
            return ApiResponse.error(401, accounts.any() ? "wrong name or password"
                    : "no reviewer accounts yet: an administrator adds them with bin/reviewer add NAME");
        }
        ReviewSessions.Session s = sessions.open(name);
        log.info("Reviewer '{}' signed in", name);
        return ApiResponse.ok(state(s)).withHeader("Set-Cookie", ReviewSessions.setCookie(s.id()))
                .withHeader("Cache-Control", "no-store");
    }

    /** {@code DELETE /api/session}: needs the CSRF token like any write; signing out twice is no error. */
    public ApiResponse signOut(@Header("Cookie") String cookie, @Header("X-CSRF-Token") String csrf) {
        Optional<ReviewSessions.Session> s = sessions.find(cookie);
        if (s.isPresent()) {
            if (!ReviewSessions.csrfMatches(s.get(), csrf)) {
                return ApiResponse.error(403, "send the page's CSRF token in X-CSRF-Token");
            }
            sessions.close(s.get().id());
            log.info("Reviewer '{}' signed out", s.get().reviewer());
        }
        return ApiResponse.ok(state(null)).withHeader("Set-Cookie", ReviewSessions.clearCookie());
    }

    private Map<String, Object> state(ReviewSessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signedIn", s != null);
        m.put("reviewer", s == null ? null : s.reviewer());
        m.put("csrfToken", s == null ? null : s.csrf());
        m.put("accounts", accounts.any());
        return m;
    }
}

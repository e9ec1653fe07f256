package reportingest.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * First step of every write route. Either a machine client's {@code Authorization: Bearer <token>} with the
 * configured token (INGEST_API_TOKEN), or a reviewer signed in at the review station: the session cookie and the
 * session's CSRF token in {@code X-CSRF-Token} (a cookie without it is refused with 403). A signed-in reviewer's
 * name is put on the exchange ({@link #SIGNED_IN}) and the audit trail records it, not a name in the request body.
 * With no token configured and nobody signed in every write is refused: an unprotected write API is never the default.
 */
public final class ApiToken {
    /** Exchange property: the signed-in reviewer of a write, when it came from the review station. */
    public static final String SIGNED_IN = "reviewer.signedIn";

    private final byte[] token;
    private final ReviewSessions sessions;

    public ApiToken(String token) {
        this(token, null);
    }

    public ApiToken(String token, ReviewSessions sessions) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        this.sessions = sessions;
    }

    public void require(Exchange exchange) {
        Message in = exchange.getMessage();
        String authorization = in.getHeader("Authorization", String.class);
        if (authorization == null && sessions != null) {
            Optional<ReviewSessions.Session> s = sessions.find(in.getHeader("Cookie", String.class));
            if (s.isPresent()) {
                if (!ReviewSessions.csrfMatches(s.get(), in.getHeader("X-CSRF-Token", String.class))) {
                    throw new ApiProblem(ApiResponse.error(403, "the review station's CSRF token is missing or wrong: "
                            + "send the page's token in X-CSRF-Token (reload the page if it was open before a restart)"));
                }
                exchange.setProperty(SIGNED_IN, s.get().reviewer());
                return;
            }
        }
        if (token == null) {
            throw refused("writes are disabled: the service has no API token (set INGEST_API_TOKEN and restart)"
                    + (sessions == null ? "" : " and nobody is signed in at /review"));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("send the API token as 'Authorization: Bearer <token>'"
                    + (sessions == null ? "" : ", or sign in at /review"));
        }
        byte[] sent = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // constant time, so the token cannot be guessed byte by byte from response times
        if (!MessageDigest.isEqual(sent, token)) throw refused("the API token is not valid");
    }

    private static ApiProblem refused(String message) {
        return new ApiProblem(ApiResponse.error(401, message).withHeader("WWW-Authenticate", "Bearer"));
    }
}

package reportingest.api;

import org.apache.camel.Header;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * First step of every write route: the request must carry {@code Authorization: Bearer <token>} with
 * the configured token (INGEST_API_TOKEN). With no token configured every write is refused: an
 * unprotected write API is never the default.
 */
public final class ApiToken {
    private final byte[] token;

    public ApiToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    public void require(@Header("Authorization") String authorization) {
        if (token == null) {
            throw refused("writes are disabled: the service has no API token (set INGEST_API_TOKEN and restart)");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("send the API token as 'Authorization: Bearer <token>'");
        }
        byte[] sent = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // constant time, so the token cannot be guessed byte by byte from response times
        if (!MessageDigest.isEqual(sent, token)) throw refused("the API token is not valid");
    }

    private static ApiProblem refused(String message) {
        return new ApiProblem(ApiResponse.error(401, message).withHeader("WWW-Authenticate", "Bearer"));
    }
}

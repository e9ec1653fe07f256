package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers sign in at the review station over real HTTP: accounts in $INGEST_HOME/reviewers.txt hold BCrypt hashes
 * only; the session cookie is HttpOnly and SameSite=Strict; a write with the cookie needs the session's CSRF token
 * (403 without it or with a wrong one, and nothing changes); the audit trail records the signed-in reviewer, not the
 * name a request body gives; signing out ends the session; wrong passwords are refused and, after five, rate-limited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewerSignInTest extends ServiceOnTempHome {
    static final String NAME = "孙审核";
    static final String PASSWORD = "长城-correct-horse";
    final HttpClient http = HttpClient.newHttpClient();
    ApiClient client;

    @BeforeAll
    void connect() {
        client = new ApiClient(service);
    }

    @Test
    @Order(1) // first: it starts without accounts
    void aSignedInReviewerWritesWithTheCsrfTokenAndTheAuditTrailNamesThem() throws Exception {
        assertThat(signIn(NAME, PASSWORD).statusCode()).isEqualTo(401); // no accounts yet
        assertThat(service.get("/api/session").get("accounts").asBoolean()).isFalse();
        ReviewerAccounts accounts = new ReviewerAccounts(service.home().resolve(ReviewerAccounts.FILE));
        accounts.put(NAME, PASSWORD.toCharArray());
        String file = Files.readString(service.home().resolve(ReviewerAccounts.FILE));
        assertThat(file).contains(NAME + "\t$2").doesNotContain(PASSWORD);

        long doc = client.ingest(SyntheticReports.income("登录测试单位", true), "sign-in.txt");
        JsonNode cell = client.flaggedCell(doc);
        String correction = "{\"value\":\"305.20\",\"version\":" + cell.get("version").asLong() + ",\"reviewer\":\"冒名者\"}";
        String path = "/api/cells/" + cell.get("cellId").asLong() + "/correction";

        assertThat(signIn(NAME, "wrong password").statusCode()).isEqualTo(401);
        HttpResponse<String> in = signIn(NAME, PASSWORD);
        assertThat(in.statusCode()).isEqualTo(200);
        String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(ReviewSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode signedIn = Json.MAPPER.readTree(in.body());
        assertThat(signedIn.get("reviewer").asText()).isEqualTo(NAME);
        String csrf = signedIn.get("csrfToken").asText();
        assertThat(csrf).hasSizeGreaterThan(30);
        JsonNode current = Json.MAPPER.readTree(send("GET", "/api/session", null, cookie, null).body());
        assertThat(current.get("signedIn").asBoolean()).isTrue();
        assertThat(current.get("csrfToken").asText()).isEqualTo(csrf);
        assertThat(service.get("/api/session").get("signedIn").asBoolean()).isFalse(); // no cookie, nobody

        // the cookie alone (what a forged cross-site request would carry) is refused, and changes nothing
        assertThat(send("POST", path, correction, cookie, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", path, correction, cookie, csrf + "x").statusCode()).isEqualTo(403);
        assertThat(send("POST", path, correction, null, csrf).statusCode()).isEqualTo(401);
        assertThat(send("POST", path, correction, ReviewSessions.COOKIE + "=forged", csrf).statusCode()).isEqualTo(401);
        assertThat(service.get("/api/audit?document=" + doc).get("items")).isEmpty();

        HttpResponse<String> written = send("POST", path, correction, cookie, csrf);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(written.body()).get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(service.get("/api/audit?document=" + doc).get("items")).singleElement()
                .satisfies(a -> assertThat(a.get("reviewer").asText()).isEqualTo(NAME));

        // signing out needs the token too; afterwards the cookie is worth nothing
        assertThat(send("DELETE", "/api/session", null, cookie, null).statusCode()).isEqualTo(403);
        HttpResponse<String> out = send("DELETE", "/api/session", null, cookie, csrf);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElse("")).contains("Max-Age=0");
        assertThat(send("POST", "/api/documents/" + doc + "/rejection", "{\"reviewer\":\"x\",\"comment\":\"y\"}", cookie, csrf)
                .statusCode()).isEqualTo(401);
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void wrongPasswordsAreRefusedAndAfterFiveTheNameIsLockedForAWhile() throws Exception {
        new ReviewerAccounts(service.home().resolve(ReviewerAccounts.FILE)).put("周审核", "another-good-one".toCharArray());
        for (int i = 0; i < ReviewSessions.MAX_FAILURES; i++) {
            HttpResponse<String> r = signIn("周审核", "guess-" + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Json.MAPPER.readTree(r.body()).get("error").asText()).isEqualTo("wrong name or password");
        }
        HttpResponse<String> locked = signIn("周审核", "another-good-one");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
        // an unknown name is answered the same way as a wrong password
        assertThat(Json.MAPPER.readTree(signIn("无此人", "whatever-it-is").body()).get("error").asText()).isEqualTo("wrong name or password");
    }

    private HttpResponse<String> signIn(String name, String password) throws Exception {
        return send("POST", "/api/session", Json.MAPPER.writeValueAsString(java.util.Map.of("name", name, "password", password)), null, null);
    }

    private HttpResponse<String> send(String method, String path, String body, String cookie, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (cookie != null) b.header("Cookie", cookie);
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

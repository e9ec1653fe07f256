package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * Over real HTTP: parameters come only from where the API description puts them. A request header never
 * acts as a query parameter, the API token is never taken from the address, and a query parameter an
 * endpoint does not take is refused with the ones it does.
 */
class RequestParametersTest extends ServiceOnTempHome {
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient client;

    @BeforeAll
    void twoDocuments() throws Exception {
        client = new ApiClient(service);
        client.ingest(SyntheticReports.income("参数测试一号单位", false), "params-1.txt");
        client.ingest(SyntheticReports.income("参数测试二号单位", false), "params-2.txt");
    }

    @Test
    void aRequestHeaderNamedLikeAQueryParameterIsIgnored() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/documents")).header("limit", "1").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(r.body()).get("items")).hasSize(2);

        HttpResponse<String> byQuery = send(HttpRequest.newBuilder(uri("/api/documents?limit=1")).GET());
        assertThat(Json.MAPPER.readTree(byQuery.body()).get("items")).hasSize(1);
    }

    @Test
    void aRequestHeaderNamedLikeAPathParameterDoesNotReplaceThePath() throws Exception {
        long first = service.allDocuments().get(0).get("id").asLong();
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/documents/" + first)).header("id", "999999").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(r.body()).get("id").asLong()).isEqualTo(first);
    }

    @Test
    void theTokenInTheAddressIsRefusedEvenWhenItIsRight() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                        uri("/api/rows/1/approval?Authorization=Bearer%20" + TOKEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reviewer\":\"王审核\",\"comment\":\"ok\"}")));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = Json.MAPPER.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("error").asText()).contains("Authorization: Bearer");
        assertThat(service.get("/api/audit").get("items")).isEmpty();
    }

    @Test
    void anUnknownQueryParameterIsRefusedWithTheKnownOnes() throws Exception {
        HttpResponse<String> r = service.getRaw("/api/documents?limt=5");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asText())
                .isEqualTo("unknown query parameter 'limt'; this endpoint takes: after, limit");
    }

    @Test
    void aQueryParameterGivenTwiceIsRefused() throws Exception {
        HttpResponse<String> r = service.getRaw("/api/documents?limit=1&limit=2");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asText())
                .isEqualTo("query parameter 'limit' is given more than once");
    }

    @Test
    void anUnknownAddressIsAJsonNotFound() throws Exception {
        HttpResponse<String> r = service.getRaw("/api/no-such-thing?x=1");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode problem = Json.MAPPER.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("error").asText()).isEqualTo("no endpoint for GET /api/no-such-thing; the endpoints and their methods are listed at /api/openapi.json");
        // the known endpoints still answer
        assertThat(service.getRaw("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aMethodAnAddressDoesNotTakeIsAJsonError() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/documents")).DELETE());
        assertThat(r.statusCode()).isIn(404, 405);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Json.MAPPER.readTree(r.body()).get("status").asInt()).isEqualTo(r.statusCode());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}

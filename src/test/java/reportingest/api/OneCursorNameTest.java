package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every list pages with one cursor name, {@code after}, and answers the next cursor as {@code next}: documents,
 * records, audit, the ledger's files of a state and the review station's documents. {@code since} on /api/records is the deprecated old name (one
 * release), described as deprecated, and refused together with {@code after}.
 */
class OneCursorNameTest {
    static final Path GOOD = Path.of("fixtures/seeds/001_a8898a713e576bc4.txt");
    /** The lists (GET with limit) and their cursor; the review queue is computed, not paged by a cursor. */
    static final List<String> LISTS = List.of("/api/documents", "/api/records", "/api/audit", "/api/ledger", "/api/review/documents");

    @TempDir
    Path home;

    @Test
    void theDescriptionNamesAfterAsTheCursorOfEveryListAndSinceOnlyAsDeprecated() throws Exception {
        JsonNode api;
        try (InputStream in = OpenApiDoc.class.getResourceAsStream(OpenApiDoc.RESOURCE)) {
            api = Json.MAPPER.readTree(in);
        }
        List<String> paged = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(p -> {
            JsonNode get = p.getValue().get("get");
            if (get == null) return;
            List<String> names = new ArrayList<>();
            get.path("parameters").forEach(q -> names.add(q.get("name").asText()));
            if (names.contains("after")) paged.add(p.getKey());
            for (JsonNode q : get.path("parameters")) {
                if (q.get("name").asText().equals("since")) {
                    assertThat(q.path("deprecated").asBoolean()).as(p.getKey() + " since").isTrue();
                    assertThat(names).as(p.getKey()).contains("after");
                }
            }
        });
        assertThat(paged).containsExactlyInAnyOrderElementsOf(LISTS);
    }

    @Test
    void recordsPageWithAfterAsEveryListDoesSinceStillWorksAndBothAtOnceIs400() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            service.drop(GOOD, "good.txt");
            service.awaitIn(service.archive(), "good.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/ledger").get("counts").get("inProgress").asInt() == 0);

            JsonNode first = service.get("/api/records?limit=5");
            assertThat(first.get("items")).hasSize(5);
            String next = first.get("next").asText();
            JsonNode byAfter = service.get("/api/records?limit=5&after=" + next);
            JsonNode bySince = service.get("/api/records?limit=5&since=" + next);
            assertThat(byAfter.get("items")).hasSize(5);
            assertThat(byAfter.get("items").get(0).get("changeSeq").asLong()).isGreaterThan(Long.parseLong(next));
            assertThat(bySince).isEqualTo(byAfter);
            HttpResponse<String> csv = service.getRaw("/api/records?format=csv&limit=5&after=" + next);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("X-Next-Cursor")).contains(byAfter.get("next").asText());

            HttpResponse<String> both = service.getRaw("/api/records?after=" + next + "&since=" + next);
            assertThat(both.statusCode()).isEqualTo(400);
            JsonNode err = Json.MAPPER.readTree(both.body());
            assertThat(err.get("status").asInt()).isEqualTo(400);
            assertThat(err.get("error").asText()).contains("after").contains("since");

            // the same name and the same answer field on the other lists
            for (String list : List.of("/api/documents?limit=1", "/api/records?limit=1", "/api/audit?limit=1",
                    "/api/ledger?state=needsReview&limit=1", "/api/review/documents?status=ALL&limit=1")) {
                JsonNode page = service.get(list);
                assertThat(page.has("next")).as(list).isTrue();
                HttpResponse<String> again = service.getRaw(list + "&after=0");
                assertThat(again.statusCode()).as(list + "&after=0").isEqualTo(200);
            }
        }
    }
}

package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * A document that needs review only after a review action (a correction that breaks an identity of a DONE document)
 * gets its {@code archive/<name>.review.json} then, as one flagged at intake does; a later correction that makes
 * every identity hold removes it again.
 */
class ReviewFileFollowsTheStatusTest {
    @TempDir
    Path home;

    @Test
    void aCorrectionThatBreaksAnIdentityWritesTheReviewFileAndOneThatMendsItRemovesIt() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            ApiClient client = new ApiClient(service);
            long doc = client.ingest(SyntheticReports.income("复核文件测试单位", false), "clean.txt");
            JsonNode stored = service.get("/api/documents/" + doc);
            assertThat(stored.get("status").asText()).isEqualTo("DONE");
            Path review = Path.of(stored.get("storedAs").asText() + ".review.json");
            assertThat(review).doesNotExist();

            // the 207 row's total, 305.20, typed as 350.20: its parts no longer add up to it
            JsonNode cell = client.pull("0", 500, "").items().stream()
                    .filter(f -> f.get("document").asLong() == doc && "207".equals(f.path("rowKey").path("code").asText())
                            && "305.20".equals(f.get("value").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no 305.20 cell in row 207"));
            long cellId = cell.get("cellId").asLong();
            HttpResponse<String> r = service.post("/api/cells/" + cellId + "/correction",
                    ApiClient.body("350.20", cell.get("changeSeq").asLong(), "王审核", "typo on purpose"), TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode outcome = Json.MAPPER.readTree(r.body());
            assertThat(outcome.get("documentStatus").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(review).exists();
            JsonNode sidecar = Json.MAPPER.readTree(Files.readString(review));
            assertThat(sidecar.get("documentId").asLong()).isEqualTo(doc);
            assertThat(sidecar.get("status").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(sidecar.get("flaggedRows").asInt()).isPositive();

            // typed back: every identity holds, the document is DONE and the review file is gone
            r = service.post("/api/cells/" + cellId + "/correction",
                    ApiClient.body("305.20", outcome.get("changeSeq").asLong(), "王审核", "as printed"), TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(r.body()).get("documentStatus").asText()).isEqualTo("DONE");
            assertThat(review).doesNotExist();
        }
    }
}

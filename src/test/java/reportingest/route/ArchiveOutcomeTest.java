package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static reportingest.support.RunningService.TOKEN;

/**
 * What a clerk sees in archive/: an original that needs review has {@code <name>.review.json} beside it (id, status,
 * flagged rows and cells, the reasons in English and Chinese, the review API path) from the moment its row says where
 * it lies, rewritten by a review action while it still needs review and removed once it does not; a duplicate is
 * stored as {@code <stem>.duplicate-of-<id>.<ext>}, never as a {@code ~2} name clash; the ledger still reconciles.
 */
class ArchiveOutcomeTest {
    static final Path SEEDS = Path.of("fixtures/seeds");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TempDir
    Path home;

    @Test
    void aNeedsReviewOriginalHasAReviewFileUntilApprovedOrRejectedAndADuplicateIsNamedSo() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            // seeds 000 and 001 state figures that contradict each other: both need review
            service.drop(SEEDS.resolve("000_91c9528c206bc5a1.txt"), "a.txt");
            service.drop(SEEDS.resolve("001_a8898a713e576bc4.txt"), "b.txt");
            JsonNode a = placed(service, "a.txt");
            JsonNode b = placed(service, "b.txt");
            // the review file is there as soon as the row says where the file lies
            Path aFile = Path.of(a.get("storedAs").asText());
            Path aReview = aFile.resolveSibling("a.txt.review.json");
            assertThat(aReview).exists();
            long aId = a.get("id").asLong();
            assertThat(a.get("status").asText()).isEqualTo("NEEDS_REVIEW");

            JsonNode review = Json.MAPPER.readTree(Files.readString(aReview));
            assertThat(review.get("documentId").asLong()).isEqualTo(aId);
            assertThat(review.get("file").asText()).isEqualTo("a.txt");
            assertThat(review.has("storedAs")).as("stored under its own name").isFalse();
            assertThat(review.get("status").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(review.get("review").asText()).isEqualTo("/api/review?document=" + aId);
            assertThat(service.getRaw(review.get("review").asText()).statusCode()).isEqualTo(200);
            // seed 000 needs review for its narrative figures (document flags), none of its rows
            assertThat(review.get("flaggedRows").asInt()).isZero();
            assertThat(review.get("reasons")).isNotEmpty().allSatisfy(r -> {
                assertThat(r.get("code").asText()).matches("[A-Z_]+");
                assertThat(r.get("reason").asText()).isNotBlank().doesNotContain(r.get("code").asText());
                assertThat(HAN.matcher(r.get("reasonZh").asText()).find()).isTrue();
            });
            assertThat(review.get("reasons")).extracting(r -> r.get("code").asText()).doesNotHaveDuplicates();
            assertThat(HAN.matcher(review.get("summaryZh").asText()).find()).isTrue();

            // duplicates: under another name and under the same name, each named as a duplicate of a.txt's document
            byte[] aContent = Files.readAllBytes(SEEDS.resolve("000_91c9528c206bc5a1.txt"));
            service.drop(aContent, "copy.txt");
            JsonNode copy = placed(service, "copy.txt");
            service.drop(aContent, "a.txt");
            await().atMost(Duration.ofSeconds(60)).until(() -> service.allDocuments().stream()
                    .filter(d -> d.get("fileName").asText().equals("a.txt")).allMatch(d -> d.hasNonNull("storedAs"))
                    && service.allDocuments().size() == 4);
            JsonNode again = service.allDocuments().stream().filter(d -> d.get("fileName").asText().equals("a.txt")
                    && d.get("status").asText().equals("DUPLICATE")).findFirst().orElseThrow();
            assertThat(Path.of(copy.get("storedAs").asText())).isEqualTo(service.archive().resolve("copy.duplicate-of-" + aId + ".txt"))
                    .hasBinaryContent(aContent);
            assertThat(Path.of(again.get("storedAs").asText())).isEqualTo(service.archive().resolve("a.duplicate-of-" + aId + ".txt"))
                    .hasBinaryContent(aContent);
            assertThat(service.archive().resolve("a~2.txt")).doesNotExist();
            assertThat(service.archive().resolve("copy.duplicate-of-" + aId + ".txt.review.json")).as("a duplicate is not reviewed")
                    .doesNotExist();
            assertReconciles(service, 4);

            // rejected: no longer needs review, so no review file
            assertThat(service.post("/api/documents/" + aId + "/rejection", "{\"reviewer\":\"王\",\"comment\":\"wrong year\"}",
                    TOKEN).statusCode()).isEqualTo(200);
            assertThat(aReview).doesNotExist();
            assertThat(aFile).exists();

            // b.txt approved row by row and as a document: DONE, and its review file is gone
            long bId = b.get("id").asLong();
            Path bReview = Path.of(b.get("storedAs").asText() + ".review.json");
            JsonNode bBefore = Json.MAPPER.readTree(Files.readString(bReview));
            int rows = bBefore.get("flaggedRows").asInt();
            assertThat(rows).as(bBefore.toString()).isPositive();
            // a row approved: the document still needs review for its own flags, the review file is rewritten
            long rowId = firstRow(service, bId);
            assertThat(service.post("/api/rows/" + rowId + "/approval", "{\"reviewer\":\"王\"}", TOKEN).statusCode()).isEqualTo(200);
            assertThat(service.get("/api/documents/" + bId).get("status").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(Json.MAPPER.readTree(Files.readString(bReview)).get("flaggedRows").asInt()).isEqualTo(rows - 1);
            for (JsonNode item : service.get("/api/review?document=" + bId + "&limit=1000").get("items")) {
                String path = item.get("kind").asText().equals("row") ? "/api/rows/" + item.get("rowId").asLong() + "/approval"
                        : "/api/documents/" + bId + "/approval";
                HttpResponse<String> r = service.post(path, "{\"reviewer\":\"李\"}", TOKEN);
                assertThat(r.statusCode()).as(path + " " + r.body()).isIn(200, 409);
            }
            assertThat(service.get("/api/documents/" + bId).get("status").asText()).isEqualTo("DONE");
            assertThat(bReview).doesNotExist();
            assertReconciles(service, 4);
        }
    }

    @Test
    void aDuplicatesNameKeepsItsMarkerAndRoomForASidecarWhenLong() {
        String longName = "部门决算".repeat(20) + "-ab.txt"; // 247 bytes
        String dup = Placement.duplicateName(longName, 123456);
        assertThat(dup).contains(".duplicate-of-123456").endsWith(".txt");
        assertThat(bytes(dup + "~99999" + ".review.json")).isLessThanOrEqualTo(255);
        assertThat(bytes(Placement.storedName(longName) + "~99999" + ".review.json")).isLessThanOrEqualTo(255);
        assertThat(Placement.duplicateName("report.final.pdf", 7)).isEqualTo("report.final.duplicate-of-7.pdf");
        assertThat(Placement.duplicateName("README", 7)).isEqualTo("README.duplicate-of-7");
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonNode placed(RunningService service, String name) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> service.allDocuments().stream()
                .filter(d -> d.get("fileName").asText().equals(name) && d.hasNonNull("storedAs")).findFirst().orElse(null),
                d -> d != null);
    }

    private static long firstRow(RunningService service, long documentId) throws Exception {
        for (JsonNode item : service.get("/api/review?document=" + documentId + "&limit=1000").get("items")) {
            if (item.get("kind").asText().equals("row")) return item.get("rowId").asLong();
        }
        throw new AssertionError("no row to review in document " + documentId);
    }

    private static void assertReconciles(RunningService service, int archived) throws Exception {
        JsonNode ledger = await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/ledger"),
                l -> l.get("counts").get("inProgress").asInt() == 0);
        assertThat(ledger.get("reconciles").asBoolean()).as(ledger.toString()).isTrue();
        assertThat(ledger.get("discrepancies")).isEmpty();
        assertThat(ledger.get("warnings")).as(ledger.toString()).isEmpty();
        assertThat(ledger.get("folders").get("archive").asInt()).isEqualTo(archived);
    }
}

package reportingest.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.chaos.BadInputs;
import reportingest.support.RunningService;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/metrics on the real service: Prometheus text with the named series, and exact counts after known
 * files (two text reports that need review, a duplicate, a damaged PDF, a refused link and a one-page scan read
 * by OCR and accepted).
 */
class MetricsEndpointTest {
    @TempDir
    Path home;

    @Test
    void filesByOutcomePagesAndGaugesAreExactAfterKnownFiles() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            HttpResponse<String> before = service.getRaw("/api/metrics");
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.headers().firstValue("Content-Type").orElse("")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(lines(before.body())).contains(
                    "ingest_files_total{code=\"none\",outcome=\"done\"} 0.0",
                    "ingest_files_total{code=\"none\",outcome=\"needs_review\"} 0.0",
                    "ingest_files_total{code=\"none\",outcome=\"duplicate\"} 0.0",
                    "ingest_pages_ocr_total 0.0",
                    "ingest_inbox_depth 0.0",
                    "ingest_files_in_flight 0.0");

            service.drop(Path.of("fixtures/seeds/001_a8898a713e576bc4.txt"), "review.txt");
            service.awaitIn(service.archive(), "review.txt");
            service.drop(Path.of("fixtures/seeds/003_1a3ae03f6167b21e.txt"), "second.txt");
            service.drop(Path.of("fixtures/seeds/001_a8898a713e576bc4.txt"), "again.txt");
            service.drop(BadInputs.corruptPdf(), "bad.pdf");
            Files.createSymbolicLink(service.inbox().resolve("link.pdf"), Files.writeString(home.resolve("elsewhere.pdf"), "x"));
            service.drop(Path.of("fixtures/scans/001_a8898a713e576bc4-t03.page.png"), "scan.png");
            // again.txt is the content of review.txt (document 1): stored as a duplicate, named so
            for (String name : List.of("second.txt", "again.duplicate-of-1.txt", "scan.png")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(service.archive().resolve(name)));
            }
            for (String name : List.of("bad.pdf", "link.pdf")) service.awaitIn(service.failed(), name);
            assertThat(service.allDocuments()).extracting(d -> d.get("fileName").asText() + " " + d.get("status").asText())
                    .containsExactlyInAnyOrder("review.txt NEEDS_REVIEW", "second.txt NEEDS_REVIEW", "again.txt DUPLICATE",
                            "bad.pdf FAILED", "link.pdf FAILED", "scan.png DONE");

            String text = await().atMost(Duration.ofSeconds(10)).until(() -> service.getRaw("/api/metrics").body(),
                    t -> lines(t).contains("ingest_files_in_flight 0.0"));
            assertThat(lines(text)).contains(
                    "ingest_files_total{code=\"none\",outcome=\"done\"} 1.0",
                    "ingest_files_total{code=\"none\",outcome=\"needs_review\"} 2.0",
                    "ingest_files_total{code=\"none\",outcome=\"duplicate\"} 1.0",
                    "ingest_files_total{code=\"CORRUPT\",outcome=\"failed\"} 1.0",
                    "ingest_files_total{code=\"SYMLINK\",outcome=\"failed\"} 1.0",
                    "ingest_pages_ocr_total 1.0",
                    "ingest_page_seconds_count{origin=\"ocr\"} 1",
                    "ingest_page_seconds_count{origin=\"ocr_text\"} 2",
                    "ingest_page_seconds_count{origin=\"text_layer\"} 0",
                    "ingest_inbox_depth 0.0",
                    "ingest_files_in_flight 0.0",
                    // timed from intake to outcome; a link is refused before the route and never timed
                    "ingest_file_seconds_count{outcome=\"done\"} 1",
                    "ingest_file_seconds_count{outcome=\"needs_review\"} 2",
                    "ingest_file_seconds_count{outcome=\"duplicate\"} 1",
                    "ingest_file_seconds_count{outcome=\"failed\"} 1");
            assertThat(text).contains("# TYPE ingest_page_seconds histogram", "ingest_page_seconds_bucket{origin=\"ocr\",le=\"+Inf\"} 1",
                    "# TYPE ingest_files_total counter", "# TYPE ingest_inbox_depth gauge", "# TYPE ingest_file_seconds histogram",
                    "ingest_file_seconds_bucket{outcome=\"done\",le=\"+Inf\"} 1", "jvm_memory_used_bytes{area=\"heap\"");
        }
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}

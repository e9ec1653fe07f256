package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each limit of application.properties, breached, fails the file with its own code, and the next file is still taken. */
class LimitsTest {
    @TempDir
    Path home;

    private IngestService start(Map<String, String> limits, int port) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "ingest.home", home.toString(), "ingest.port", Integer.toString(port),
                "ingest.read-lock.min-age-ms", "300", "ingest.read-lock.check-interval-ms", "200", "ingest.poll-delay-ms", "200"));
        settings.putAll(limits);
        try {
            return IngestService.start(IngestConfig.withOverrides(settings));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tooManyPagesAndTooLargeATextEachFailWithTheirOwnCode() throws Exception {
        try (IngestService service = start(Map.of("ingest.max-pages", "2", "ingest.max-text-mb", "1"), RunningService.freePort())) {
            IngestConfig config = service.config();
            drop(config, "three-pages.pdf", pdfWithPages(3));
            drop(config, "big-text.txt", "收入决算表 1,000.00\n".repeat(80_000).getBytes(StandardCharsets.UTF_8)); // ~1.9 MB
            drop(config, "small.txt", "支出决算表\n单位：万元\n".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(config.failed().resolve("three-pages.pdf"))
                    && Files.exists(config.failed().resolve("big-text.txt")) && Files.exists(config.archive().resolve("small.txt")));
            JsonNode pages = error(config, "three-pages.pdf");
            assertThat(pages.get("code").asText()).isEqualTo("TOO_MANY_PAGES");
            assertThat(pages.get("reason").asText()).contains("more than 2 pages");
            JsonNode text = error(config, "big-text.txt");
            assertThat(text.get("code").asText()).isEqualTo("TOO_LARGE");
            assertThat(text.get("reason").asText()).contains("limit of 1 MB for text files");
        }
    }

    @Test
    void aFilePastItsTimeIsAbandonedWithNothingOfItKept() throws Exception {
        int port = RunningService.freePort();
        try (IngestService service = start(Map.of("ingest.max-seconds-per-file", "1"), port)) {
            IngestConfig config = service.config();
            String seed = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"));
            drop(config, "slow.txt", seed.repeat(80).getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(config.failed().resolve("slow.txt.error.json")));
            JsonNode error = error(config, "slow.txt");
            assertThat(error.get("code").asText()).isEqualTo("TIMEOUT");
            assertThat(error.get("reason").asText()).contains("limit of 1 seconds");
            long id = error.get("documentId").asLong();
            JsonNode doc = get(port, "/api/documents/" + id);
            assertThat(doc.get("status").asText()).isEqualTo("FAILED");
            JsonNode export = get(port, "/api/documents/" + id + "/export");
            assertThat(export.path("tables").size()).as("no partial tables kept").isZero();
        }
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode error(IngestConfig config, String name) throws Exception {
        return Json.MAPPER.readTree(config.failed().resolve(name + ".error.json").toFile());
    }

    private void drop(IngestConfig config, String name, byte[] content) throws Exception {
        Path staging = Files.createDirectories(home.resolve("staging"));
        Files.write(staging.resolve(name), content);
        Files.move(staging.resolve(name), config.inbox().resolve(name));
    }

    private static byte[] pdfWithPages(int n) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= n; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Page " + i);
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}

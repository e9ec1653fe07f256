package reportingest.layout.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.fixtures.foreign.BlankPng;
import reportingest.fixtures.foreign.ForeignProducers;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page that does not fit in the service's heap fails its file with PAGE_TOO_LARGE and a plain reason,
 * and the service goes on with the next file. The service runs as its own JVM with a 200 MB heap and the
 * page budget lifted, and reads an img2pdf PDF of a 12000×17000 px page (204 MB decoded).
 */
class PageTooLargeTest {
    @TempDir
    Path home;
    private Process service;

    @AfterEach
    void stop() {
        if (service != null) service.destroyForcibly();
    }

    @Test
    void aPageAboveTheHeapFailsItsFileAndTheNextFileIsStillProcessed() throws Exception {
        Assumptions.assumeTrue(ForeignProducers.missing("img2pdf").isEmpty(), "img2pdf is not installed (bin/setup installs it)");
        Path staging = Files.createDirectories(home.resolve("staging"));
        Path pdf = ForeignProducers.img2pdfHuge(BlankPng.write(staging.resolve("huge.png"), 12_000, 17_000, 72), staging.resolve("huge scan.pdf"));
        List<String> log = start();

        Files.move(pdf, home.resolve("inbox/huge scan.pdf"));
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(home.resolve("failed/huge scan.pdf.error.json")));
        Files.copy(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"), staging.resolve("next.txt"));
        Files.move(staging.resolve("next.txt"), home.resolve("inbox/next.txt"));
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(home.resolve("archive/next.txt")));

        JsonNode error = Json.MAPPER.readTree(home.resolve("failed/huge scan.pdf.error.json").toFile());
        assertThat(error.get("code").asText()).isEqualTo("PAGE_TOO_LARGE");
        assertThat(error.get("reason").asText()).isEqualTo("Page 1 (a 12000×17000 px scan) of 'huge scan.pdf' is too large to read "
                + "within the service's memory (the pixel budget is 100000 megapixels a page, and the Java heap ran out).");
        assertThat(error.get("action").asText()).contains("300 dpi or less", "ingest.ocr.max-page-megapixels");
        assertThat(home.resolve("failed/huge scan.pdf")).exists();
        assertThat(service.isAlive()).isTrue();
        assertThat(log).noneMatch(l -> l.contains("Exception in thread"));
    }

    private List<String> start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx200m", "-cp", System.getProperty("java.class.path"),
                "-Dingest.ocr.max-page-megapixels=100000", "-Dingest.read-lock.min-age-ms=300",
                "-Dingest.read-lock.check-interval-ms=200", "-Dingest.poll-delay-ms=200", "reportingest.IngestService");
        pb.environment().put("INGEST_HOME", home.toString());
        pb.environment().put("INGEST_PORT", Integer.toString(RunningService.freePort()));
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectErrorStream(true);
        service = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process was stopped
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> lines.stream().anyMatch(l -> l.contains("report-ingest started")));
        return lines;
    }
}

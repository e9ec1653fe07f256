package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.fixtures.foreign.BlankPng;
import reportingest.store.Json;
import reportingest.support.Bombs;
import reportingest.support.RunningService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gigabyte decompression bombs of about 1 MB each, dropped on the service running as bin/run runs it (its
 * own JVM, a 512 MB heap) with {@code -XX:+ExitOnOutOfMemoryError}: a single OutOfMemoryError anywhere, caught
 * or not, ends the process, so the service still being alive at the end proves that none was ever thrown.
 * Every bomb fails its file with EXPANDS_TOO_LARGE and a plain reason; a TIFF whose one strip claims a
 * 40000 × 25000 px page fails with PAGE_TOO_LARGE before it is decoded; a 24000 × 24000 px scan (576 MB
 * decoded) is read within the page budget and its page image served within it too, never decoded whole;
 * no page image is served for a failed file; and a good file dropped after them is processed.
 */
class DecompressionBombsThroughServiceTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path home;
    private Process service;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (service != null) service.destroyForcibly();
    }

    @Test
    void gigabyteBombsFailTheirFilesAndTheServiceNeverRunsOutOfMemory() throws Exception {
        Path staging = Files.createDirectories(home.resolve("staging"));
        Map<String, Path> bombs = new LinkedHashMap<>();
        bombs.put("image bomb.pdf", Bombs.pdfWithImageBomb(staging.resolve("image bomb.pdf"), GIB));
        bombs.put("object stream bomb.pdf", Bombs.pdfWithObjectStreamBomb(staging.resolve("object stream bomb.pdf"), GIB));
        bombs.put("xref stream bomb.pdf", Bombs.pdfWithXrefStreamBomb(staging.resolve("xref stream bomb.pdf"), GIB));
        bombs.put("content bomb.pdf", Bombs.pdfWithContentBomb(staging.resolve("content bomb.pdf"), GIB));
        bombs.put("text chunk bomb.png", Bombs.pngWithChunkBomb(staging.resolve("text chunk bomb.png"), "zTXt", GIB));
        bombs.put("international text bomb.png", Bombs.pngWithChunkBomb(staging.resolve("international text bomb.png"), "iTXt", GIB));
        assertThat(bombs.values()).allSatisfy(p -> assertThat(Files.size(p)).isLessThan(2L << 20));
        Path hugeScan = BlankPng.write(staging.resolve("huge scan.png"), 24_000, 24_000, 72);
        Path oneStrip = Bombs.tiffWithOneHugeStrip(staging.resolve("one strip.tif"), 40_000, 25_000);
        List<String> log = start();

        for (var bomb : bombs.entrySet()) Files.move(bomb.getValue(), home.resolve("inbox").resolve(bomb.getKey()));
        Files.move(hugeScan, home.resolve("inbox/huge scan.png"));
        Files.move(oneStrip, home.resolve("inbox/one strip.tif"));
        awaitOrShowLog(log, () -> bombs.keySet().stream()
                .allMatch(n -> Files.exists(home.resolve("failed").resolve(n + ".error.json")))
                && Files.exists(home.resolve("archive/huge scan.png"))
                && Files.exists(home.resolve("failed/one strip.tif.error.json")));

        for (String name : bombs.keySet()) {
            JsonNode error = Json.MAPPER.readTree(home.resolve("failed").resolve(name + ".error.json").toFile());
            assertThat(error.get("code").asText()).as(name).isEqualTo("EXPANDS_TOO_LARGE");
            assertThat(error.get("reason").asText()).as(name).startsWith("'" + name + "' holds ")
                    .contains("far more than its pages need").doesNotContain("Exception", "Error");
            assertThat(error.get("reasonZh").asText()).contains("解压");
        }
        JsonNode strip = Json.MAPPER.readTree(home.resolve("failed/one strip.tif.error.json").toFile());
        assertThat(strip.get("code").asText()).isEqualTo("PAGE_TOO_LARGE");
        assertThat(strip.get("reason").asText()).contains("comes in one piece of 953 MB", "at most 256 MB at once");
        JsonNode scan = document("huge scan.png");
        HttpResponse<byte[]> page = http.send(get("/api/documents/" + scan.get("id").asLong() + "/pages/1.png"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
        assertThat((long) image.getWidth() * image.getHeight()).as("within the 20 Mpx page budget").isLessThanOrEqualTo(20_000_000L);
        HttpResponse<String> failedPage = http.send(get("/api/documents/" + document("image bomb.pdf").get("id").asLong()
                + "/pages/1.png"), HttpResponse.BodyHandlers.ofString());
        assertThat(failedPage.statusCode()).isEqualTo(404);
        assertThat(failedPage.body()).contains("failed", "no page images");

        Files.copy(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"), staging.resolve("next.txt"));
        Files.move(staging.resolve("next.txt"), home.resolve("inbox/next.txt"));
        awaitOrShowLog(log, () -> Files.exists(home.resolve("archive/next.txt")));
        assertThat(service.isAlive()).as("no OutOfMemoryError was ever thrown (it would have ended the process)").isTrue();
        assertThat(log).noneMatch(l -> l.contains("OutOfMemoryError") || l.contains("Exception in thread"));
    }

    /** On a timeout the service's own last log lines (or its exit) are the failure message. */
    private void awaitOrShowLog(List<String> log, java.util.concurrent.Callable<Boolean> done) {
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> done.call() || !service.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out; the service's last lines:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())), e);
        }
        assertThat(service.isAlive()).as("the service is alive (with -XX:+ExitOnOutOfMemoryError); its last lines:\n"
                + String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size()))).isTrue();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }

    private JsonNode document(String name) throws IOException, InterruptedException {
        JsonNode page = Json.MAPPER.readTree(http.send(get("/api/documents?limit=100"), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode d : page.get("items")) if (d.get("fileName").asText().equals(name)) return d;
        throw new AssertionError("no document " + name);
    }

    private List<String> start() throws IOException {
        port = RunningService.freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "-Dingest.ocr.max-page-megapixels=20", "-Dingest.read-lock.min-age-ms=300",
                "-Dingest.read-lock.check-interval-ms=200", "-Dingest.poll-delay-ms=200", "reportingest.IngestService");
        pb.environment().put("INGEST_HOME", home.toString());
        pb.environment().put("INGEST_PORT", Integer.toString(port));
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

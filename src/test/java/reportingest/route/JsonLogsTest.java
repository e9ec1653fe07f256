package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.store.Json;
import reportingest.chaos.BadInputs;
import reportingest.support.LogTap;
import reportingest.support.RunningService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Structured logs on request: the service started as its own process the way bin/run starts it, with
 * {@code INGEST_LOG_FORMAT=json}, writes only JSON lines, one event per file per stage with the file name, stage,
 * outcome and time; without it, the plain lines operators read.
 */
class JsonLogsTest {
    /** The text log's lines: time, level, short source, message. */
    static final Pattern TEXT_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) \\w+ - .*");

    @TempDir
    Path home;
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) process.destroyForcibly();
    }

    @Test
    void jsonModeWritesParseableJsonLinesOneEventPerFilePerStage() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        int port = RunningService.freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dingest.read-lock.min-age-ms=300", "-Dingest.read-lock.check-interval-ms=200", "-Dingest.poll-delay-ms=200",
                "reportingest.IngestService");
        pb.environment().put("INGEST_HOME", home.toString());
        pb.environment().put("INGEST_PORT", Integer.toString(port));
        pb.environment().put("INGEST_LOG_FORMAT", "json");
        pb.redirectErrorStream(true);
        process = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> lines.stream().anyMatch(l -> l.contains("report-ingest started")));

        Path staging = Files.createDirectories(home.resolve("staging"));
        Files.copy(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"), staging.resolve("年度 report.txt"));
        Files.move(staging.resolve("年度 report.txt"), home.resolve("inbox/年度 report.txt"));
        Files.write(staging.resolve("broken.pdf"), BadInputs.corruptPdf());
        Files.move(staging.resolve("broken.pdf"), home.resolve("inbox/broken.pdf"));
        await().atMost(Duration.ofMinutes(2)).until(() -> events(lines, "年度 report.txt").containsKey("place")
                && events(lines, "broken.pdf").containsKey("place"));
        // SIGTERM: the service stops cleanly and says so, in JSON too (through the handle: Process.destroy()
        // would also close the pipe this test reads the last lines from)
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        reader.join(5000);

        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(parse(l)).as("a JSON object: %s", l).isNotNull());
        assertThat(lines).noneMatch(l -> TEXT_LINE.matcher(l).matches());
        assertThat(lines.stream().map(JsonLogsTest::parse).map(n -> n.path("formattedMessage").asText()))
                .anyMatch(m -> m.startsWith("report-ingest started")).anyMatch(m -> m.equals("report-ingest stopped"));

        Map<String, JsonNode> good = events(lines, "年度 report.txt");
        assertThat(good.keySet()).containsExactly("intake", "detect", "layout", "tables", "reconcile", "validate", "store", "place");
        for (JsonNode kv : good.values()) {
            assertThat(kv.get("ms").isNumber() || kv.get("ms").asText().matches("\\d+")).as("ms of %s", kv).isTrue();
            assertThat(kv.get("document").asText()).isEqualTo("1");
        }
        assertThat(good.get("intake").get("outcome").asText()).isEqualTo("taken");
        assertThat(good.get("store").get("outcome").asText()).isIn("done", "needs_review");
        assertThat(good.get("place").get("outcome").asText()).isEqualTo("archive");
        JsonNode storeEvent = lines.stream().map(JsonLogsTest::parse)
                .filter(n -> "store".equals(kv(n).path("stage").asText()) && "年度 report.txt".equals(kv(n).path("file").asText()))
                .findFirst().orElseThrow();
        assertThat(storeEvent.get("level").asText()).isEqualTo("INFO");
        assertThat(storeEvent.get("loggerName").asText()).isEqualTo("reportingest.route.StoreStep");
        assertThat(storeEvent.get("formattedMessage").asText()).startsWith("Done '年度 report.txt' (document 1):");

        Map<String, JsonNode> bad = events(lines, "broken.pdf");
        assertThat(bad.keySet()).containsExactly("intake", "detect", "place");
        assertThat(bad.get("detect").get("outcome").asText()).isEqualTo("failed");
        assertThat(bad.get("detect").get("code").asText()).isEqualTo("CORRUPT");
        assertThat(bad.get("place").get("outcome").asText()).isEqualTo("failed");
    }

    @Test
    void textModeIsThePlainLinesOperatorsRead() throws Exception {
        try (LogTap log = new LogTap(); RunningService service = RunningService.start(home)) {
            service.drop(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"), "report.txt");
            service.awaitIn(service.archive(), "report.txt");
            await().atMost(Duration.ofSeconds(10)).until(() -> log.lines("Moved 'report.txt'") == 1);
            List<String> ours = log.text().lines().filter(l -> l.contains("'report.txt'")).toList();
            assertThat(ours).hasSizeGreaterThanOrEqualTo(8).allSatisfy(l -> assertThat(l).matches(TEXT_LINE));
            assertThat(ours).anyMatch(l -> l.matches(".* INFO Intake - Took 'report.txt' \\(\\d+ bytes\\) as document 1"))
                    .anyMatch(l -> l.matches(".* INFO StoreStep - Done 'report.txt' \\(document 1\\): .*"))
                    .noneMatch(l -> l.contains("stage=") || l.contains("{"));
        }
    }

    /** The per-stage events of one file: stage -> its key-values (file, document, stage, outcome, ms, code). */
    static Map<String, JsonNode> events(List<String> lines, String file) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String line : new ArrayList<>(lines)) {
            JsonNode n = parse(line);
            if (n == null) continue;
            JsonNode kv = kv(n);
            if (file.equals(kv.path("file").asText()) && kv.has("stage")) {
                assertThat(out.put(kv.get("stage").asText(), kv)).as("one event of stage %s for %s", kv.get("stage"), file).isNull();
            }
        }
        return out;
    }

    /** logback's kvpList, [{"file": …}, {"stage": …}, …], as one object. */
    static JsonNode kv(JsonNode event) {
        var merged = Json.MAPPER.createObjectNode();
        event.path("kvpList").forEach(pair -> pair.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue())));
        return merged;
    }

    static JsonNode parse(String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }
}

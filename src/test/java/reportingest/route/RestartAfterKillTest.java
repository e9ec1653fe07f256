package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.io.BufferedReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service runs as its own process and is killed with SIGKILL while it stores a long document.
 * After a restart the file is processed again, exactly once: one document, its records not doubled,
 * nothing lost.
 */
class RestartAfterKillTest {
    @TempDir
    Path home;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void fileInterruptedByAKillIsProcessedExactlyOnceAfterRestart() throws Exception {
        String seed = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"));
        int copies = 40;
        String big = seed.repeat(copies);
        int port = RunningService.freePort();

        Service first = start(port);
        Files.createDirectories(home.resolve("staging"));
        drop(big, "long report.txt");
        // the last step before the single store transaction: from here on the store is under way
        awaitOrShow(first, () -> first.saw("'long report.txt': validation done"));
        first.process().destroyForcibly().waitFor();
        assertThat(first.saw("Done 'long report.txt'")).isFalse();
        assertThat(home.resolve("inbox/long report.txt")).exists();
        assertThat(home.resolve("archive/long report.txt")).doesNotExist();

        Service second = start(port);
        drop(seed + "\n单份对照\n", "one copy.txt");
        awaitOrShow(second, () -> Files.exists(home.resolve("archive/long report.txt"))
                && Files.exists(home.resolve("archive/one copy.txt")));

        List<JsonNode> docs = documents(port);
        assertThat(docs).hasSize(2);
        JsonNode longDoc = docs.stream().filter(d -> d.get("fileName").asText().equals("long report.txt")).findFirst().orElseThrow();
        JsonNode oneDoc = docs.stream().filter(d -> d.get("fileName").asText().equals("one copy.txt")).findFirst().orElseThrow();
        assertThat(longDoc.get("attempts").asInt()).isEqualTo(2);
        assertThat(longDoc.get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
        assertThat(Files.readString(home.resolve("archive/long report.txt"))).isEqualTo(big);

        JsonNode longExport = get(port, "/api/documents/" + longDoc.get("id").asText() + "/export");
        JsonNode oneExport = get(port, "/api/documents/" + oneDoc.get("id").asText() + "/export");
        assertThat(oneExport.get("tables").size()).isPositive();
        assertThat(longExport.get("tables").size()).isEqualTo(copies * oneExport.get("tables").size());
        assertThat(rowCount(longExport)).isEqualTo(copies * rowCount(oneExport));
        second.process().destroy();
    }

    /** Waits up to 3 minutes; on a timeout the service's own log is the failure message, so a rare failure can be read. */
    private static void awaitOrShow(Service service, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofMinutes(3)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> lines = service.lines();
            throw new AssertionError("timed out; the service's last log lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())), e);
        }
    }

    private static int rowCount(JsonNode export) {
        int n = 0;
        for (JsonNode t : export.get("tables")) n += t.get("rows").size();
        return n;
    }

    private void drop(String content, String name) throws IOException {
        Path staged = home.resolve("staging").resolve(name);
        Files.writeString(staged, content);
        Files.move(staged, home.resolve("inbox").resolve(name));
    }

    private Service start(int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dingest.read-lock.min-age-ms=300", "-Dingest.read-lock.check-interval-ms=200", "-Dingest.poll-delay-ms=200",
                "reportingest.IngestService");
        pb.environment().put("INGEST_HOME", home.toString());
        pb.environment().put("INGEST_PORT", Integer.toString(port));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        processes.add(p);
        Service s = new Service(p, new CopyOnWriteArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) s.lines().add(line);
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> s.saw("report-ingest started"));
        return s;
    }

    private List<JsonNode> documents(int port) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get(port, "/api/documents?limit=100").get("items").forEach(out::add);
        return out;
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
    }

    record Service(Process process, List<String> lines) {
        boolean saw(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }
}

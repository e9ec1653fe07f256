package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.harness.ServiceProcess;
import reportingest.support.RunningService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void fileInterruptedByAKillIsProcessedExactlyOnceAfterRestart() throws Exception {
        String seed = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"));
        int copies = 40;
        String big = seed.repeat(copies);
        Map<String, String> settings = Map.of("ingest.home", home.toString(),
                "ingest.port", Integer.toString(RunningService.freePort()),
                "ingest.read-lock.min-age-ms", "300", "ingest.read-lock.check-interval-ms", "200", "ingest.poll-delay-ms", "200");

        ServiceProcess first = started(ServiceProcess.start(settings, "2g"));
        Files.createDirectories(home.resolve("staging"));
        drop(big, "long report.txt");
        // the last step before the single store transaction: from here on the store is under way
        awaitOrShow(first, () -> first.saw("'long report.txt': validation done"));
        first.kill();
        assertThat(first.saw("Done 'long report.txt'")).isFalse();
        assertThat(home.resolve("inbox/long report.txt")).exists();
        assertThat(home.resolve("archive/long report.txt")).doesNotExist();

        ServiceProcess second = started(ServiceProcess.start(settings, "2g"));
        drop(seed + "\n单份对照\n", "one copy.txt");
        awaitOrShow(second, () -> Files.exists(home.resolve("archive/long report.txt"))
                && Files.exists(home.resolve("archive/one copy.txt")));

        List<JsonNode> docs = second.documents();
        assertThat(docs).hasSize(2);
        JsonNode longDoc = docs.stream().filter(d -> d.get("fileName").asText().equals("long report.txt")).findFirst().orElseThrow();
        JsonNode oneDoc = docs.stream().filter(d -> d.get("fileName").asText().equals("one copy.txt")).findFirst().orElseThrow();
        assertThat(longDoc.get("attempts").asInt()).isEqualTo(2);
        assertThat(longDoc.get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
        assertThat(Files.readString(home.resolve("archive/long report.txt"))).isEqualTo(big);

        JsonNode longExport = second.get("/api/documents/" + longDoc.get("id").asText() + "/export");
        JsonNode oneExport = second.get("/api/documents/" + oneDoc.get("id").asText() + "/export");
        assertThat(oneExport.get("tables").size()).isPositive();
        assertThat(longExport.get("tables").size()).isEqualTo(copies * oneExport.get("tables").size());
        assertThat(rowCount(longExport)).isEqualTo(copies * rowCount(oneExport));
    }

    @Test
    void sigtermPastTheGracePeriodLeavesTheFileInTheInboxNotFailedAndTheNextStartTakesIt() throws Exception {
        String big = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt")).repeat(40);
        Map<String, String> settings = Map.of("ingest.home", home.toString(),
                "ingest.port", Integer.toString(RunningService.freePort()), "camel.main.shutdown-timeout", "1",
                "ingest.read-lock.min-age-ms", "300", "ingest.read-lock.check-interval-ms", "200", "ingest.poll-delay-ms", "200");

        ServiceProcess first = started(ServiceProcess.start(settings, "2g"));
        Files.createDirectories(home.resolve("staging"));
        drop(big, "long report.txt");
        awaitOrShow(first, () -> first.saw("'long report.txt': 1 page(s) read"));
        // 143 = 128 + SIGTERM: how a JVM ends on SIGTERM once its shutdown hooks have run
        assertThat(first.terminate()).isIn(0, 143);
        awaitOrShow(first, () -> first.saw("report-ingest stopped"));
        assertThat(first.saw("Done 'long report.txt'")).as(first.tail(40)).isFalse();
        assertThat(home.resolve("inbox/long report.txt")).as(first.tail(60)).exists();
        try (var failed = Files.list(home.resolve("failed"))) {
            assertThat(failed).isEmpty();
        }

        ServiceProcess second = started(ServiceProcess.start(settings, "2g"));
        awaitOrShow(second, () -> Files.exists(home.resolve("archive/long report.txt")));
        List<JsonNode> docs = second.documents();
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
    }

    private ServiceProcess started(ServiceProcess s) {
        processes.add(s);
        return s;
    }

    /** Waits up to 3 minutes; on a timeout the service's own log is the failure message, so a rare failure can be read. */
    private static void awaitOrShow(ServiceProcess service, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofMinutes(3)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out; the service's last log lines:\n" + service.tail(60)
                    + "\nits threads:\n" + service.threadDump(), e);
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
}

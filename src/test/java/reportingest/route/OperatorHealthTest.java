package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static reportingest.route.HostileInboxTest.run;

/**
 * Liveness and readiness on the real service. archive/ is made unwritable with {@code chattr +i} (binds root too;
 * where the file system does not support it the test skips with that reason), as in {@link UnwritableFoldersTest}.
 */
class OperatorHealthTest {
    @TempDir
    Path home;
    private final List<Path> locked = new ArrayList<>();

    @AfterEach
    void unlock() throws Exception {
        for (Path p : locked) run("chattr", "-i", p.toString());
    }

    @Test
    void readyNamesTheUnwritableArchiveWith503AndIsReadyAgainOnceItIsWritable() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            assertThat(service.getRaw("/api/health/live").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/health/live").get("status").asText()).isEqualTo("UP");
            HttpResponse<String> ready = service.getRaw("/api/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("failing")).isEmpty();
            assertThat(names(body.get("checks"))).containsExactly("database", "inbox", "archive", "failed", "diskSpace", "intake", "ocr");

            assumeThat(run("chattr", "+i", service.archive().toString())).as("chattr +i works on " + service.archive()).isZero();
            locked.add(service.archive());
            HttpResponse<String> notReady = service.getRaw("/api/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            JsonNode down = Json.MAPPER.readTree(notReady.body());
            assertThat(down.get("status").asText()).isEqualTo("DOWN");
            assertThat(down.get("failing")).extracting(JsonNode::asText).contains("archive");
            assertThat(down.get("checks").get("archive").get("detail").asText())
                    .isEqualTo("the folder " + service.archive() + " is not writable");
            // intake pauses at its next poll and says so too; the process stays alive all along
            await().atMost(Duration.ofSeconds(10)).until(() -> service.get("/api/health/ready").get("failing").toString(),
                    f -> f.equals("[\"archive\",\"intake\"]"));
            assertThat(service.getRaw("/api/health/live").statusCode()).isEqualTo(200);
            // a file dropped meanwhile waits in the inbox, and the ledger says so
            service.drop("收入支出决算总表\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "waiting.txt");
            JsonNode ledger = service.get("/api/ledger");
            assertThat(ledger.get("counts").get("inbox").asInt()).isEqualTo(1);
            assertThat(ledger.get("seen").asInt()).isEqualTo(1);
            assertThat(ledger.get("reconciles").asBoolean()).isTrue();

            assertThat(run("chattr", "-i", service.archive().toString())).isZero();
            locked.remove(service.archive());
            await().atMost(Duration.ofSeconds(10)).until(() -> service.getRaw("/api/health/ready").statusCode() == 200);
            assertThat(service.get("/api/health/ready").get("failing")).isEmpty();
            // /api/health as it was, and the backlog: the file that waited while archive/ was locked is taken now
            JsonNode health = service.get("/api/health");
            assertThat(names(health)).containsExactly("status", "intake", "inbox", "database");
            assertThat(health.get("status").asText()).isEqualTo("UP");
            service.awaitIn(service.archive(), "waiting.txt");
            assertThat(service.get("/api/health").get("inbox").asInt()).isZero();
        }
    }

    @Test
    void readyNamesTheDiskWhenItsFreeSpaceIsBelowTheSetting() throws Exception {
        int port = RunningService.freePort();
        long free = Files.getFileStore(home).getUsableSpace() >> 20;
        IngestConfig config = IngestConfig.withOverrides(Map.of("ingest.home", home.toString(), "ingest.port", Integer.toString(port),
                "ingest.min-free-disk-mb", Long.toString(free + 1_000_000)));
        try (IngestService ignored = IngestService.start(config)) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health/ready")).build();
            // the same setting pauses intake, which the next poll of the inbox notices
            await().atMost(Duration.ofSeconds(30)).until(() -> Json.MAPPER.readTree(HttpClient.newHttpClient()
                    .send(ready, HttpResponse.BodyHandlers.ofString()).body()).get("failing").toString().contains("\"intake\""));
            HttpResponse<String> r = HttpClient.newHttpClient().send(ready, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertThat(body.get("failing")).extracting(JsonNode::asText).containsExactly("diskSpace", "intake");
            assertThat(body.get("checks").get("diskSpace").get("detail").asText())
                    .endsWith("at least " + (free + 1_000_000) + " MB needed");
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

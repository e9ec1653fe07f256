package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.LogTap;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away while the service runs: a real H2 server the service reaches over TCP is stopped,
 * then started again. Files dropped meanwhile wait in the inbox, are not failed and make no row; intake
 * pauses and says why, retries with growing waits, and goes on by itself when the database answers again.
 */
class DatabaseDownTest {
    @TempDir
    Path home;
    @TempDir
    Path databaseDir;
    private Server server;

    @AfterEach
    void stopServer() {
        if (server != null) server.stop();
    }

    private void startServer(int port) throws Exception {
        server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", databaseDir.toString(), "-ifNotExists").start();
    }

    @Test
    void filesWaitInTheInboxWhileTheDatabaseIsDownAndAreStoredOnceItAnswersAgain() throws Exception {
        int dbPort = RunningService.freePort();
        startServer(dbPort);
        try (RunningService service = RunningService.start(home,
                Map.of("ingest.jdbc.url", "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/ingest"));
             LogTap log = new LogTap()) {
            service.drop(HostileInboxTest.textReport("数据库在线"), "before.txt");
            service.awaitIn(service.archive(), "before.txt");

            server.stop();
            service.drop(HostileInboxTest.textReport("数据库停止期间"), "during.txt");
            await().atMost(Duration.ofSeconds(60)).until(() -> log.text().contains("Could not finish 'during.txt'"));
            assertThat(log.text()).contains("the database cannot be reached").doesNotContain("Failed 'during.txt'");
            JsonNode health = service.get("/api/health");
            assertThat(health.get("intake").asText()).isEqualTo("PAUSED");
            assertThat(health.get("intakeReason").asText()).isEqualTo("the database cannot be reached");
            assertThat(service.inbox().resolve("during.txt")).exists();
            try (var failed = Files.list(service.failed())) {
                assertThat(failed).isEmpty();
            }

            startServer(dbPort);
            service.awaitIn(service.archive(), "during.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/health").path("intake").asText().equals("RUNNING"));
            List<JsonNode> docs = service.allDocuments();
            assertThat(docs).extracting(d -> d.get("fileName").asText()).containsExactly("before.txt", "during.txt");
            assertThat(docs).extracting(d -> d.get("status").asText()).doesNotContain("FAILED");
            assertThat(log.text()).contains("Intake resumed");
        }
    }
}

package reportingest.route;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.harness.ServiceProcess;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads when the service starts: a few true lines on the console, and the same in a log file in the home. */
class StartupLogTest {
    @TempDir
    Path home;

    @Test
    void startingSaysAFewTrueLinesAndKeepsThemInTheHomesLogFile() throws Exception {
        int port = RunningService.freePort();
        List<String> lines;
        try (ServiceProcess service = ServiceProcess.start(Map.of("ingest.home", home.toString(),
                "ingest.port", Integer.toString(port)), "512m")) {
            lines = List.copyOf(service.lines());
        }
        assertThat(lines).hasSizeLessThanOrEqualTo(15);
        assertThat(String.join("\n", lines))
                .contains("HTTP http://127.0.0.1:" + port + "/api/health")
                .doesNotContain("0.0.0.0", "%7B", "\u001b[", "newer than the version Flyway has been verified with");
        Path logFile = home.resolve("logs/ingest.log");
        assertThat(logFile).exists();
        assertThat(Files.readString(logFile)).contains("report-ingest started in").contains("report-ingest stopped");
    }
}

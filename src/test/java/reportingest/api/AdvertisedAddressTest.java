package reportingest.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.RunningService;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address the service says it listens on is the one it binds: in the start-up log (no listing of
 * 0.0.0.0 while it binds 127.0.0.1) and in the API description's {@code servers}, on any port.
 */
class AdvertisedAddressTest {
    @TempDir
    Path home;

    @Test
    void startUpLogAndApiDescriptionNameTheBoundAddress() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        RunningService service;
        // the log (logback's console appender) writes to whatever System.err is at the time of each line
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            service = RunningService.start(home);
        } finally {
            System.setErr(original);
        }
        try (service) {
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("http://127.0.0.1:" + service.port() + "/api/health");
            assertThat(log).doesNotContain("0.0.0.0");
            assertThat(service.get("/api/openapi.json").get("servers").get(0).get("url").asText())
                    .isEqualTo("http://127.0.0.1:" + service.port());
        }
    }
}

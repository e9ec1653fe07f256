package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A file above the configured size limit is refused with a reason, and the service goes on. */
class OversizedFileTest {
    @TempDir
    Path home;

    @Test
    void fileAboveTheSizeLimitEndsInFailedAndTheNextFileIsStillProcessed() throws Exception {
        IngestConfig config = IngestConfig.withOverrides(Map.of(
                "ingest.home", home.toString(), "ingest.port", Integer.toString(RunningService.freePort()),
                "ingest.max-file-mb", "1", "ingest.read-lock.min-age-ms", "300",
                "ingest.read-lock.check-interval-ms", "200", "ingest.poll-delay-ms", "200"));
        try (IngestService ignored = IngestService.start(config)) {
            Path staging = Files.createDirectories(home.resolve("staging"));
            Files.write(staging.resolve("huge.txt"), "收入决算表\n".repeat(200_000).getBytes());
            Files.move(staging.resolve("huge.txt"), config.inbox().resolve("huge.txt"));
            Files.writeString(staging.resolve("small.txt"), "支出决算表\n单位：万元\n");
            Files.move(staging.resolve("small.txt"), config.inbox().resolve("small.txt"));

            // the error file is written before the file is moved beside it: wait for both
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(config.failed().resolve("huge.txt.error.json"))
                    && Files.exists(config.failed().resolve("huge.txt")) && Files.exists(config.archive().resolve("small.txt")));
            JsonNode error = Json.MAPPER.readTree(config.failed().resolve("huge.txt.error.json").toFile());
            assertThat(error.get("code").asText()).isEqualTo("TOO_LARGE");
            assertThat(error.get("reason").asText()).contains("limit of 1 MB");
            assertThat(config.failed().resolve("huge.txt")).exists();
        }
    }
}

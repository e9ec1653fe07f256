package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.chaos.BadInputs;
import reportingest.support.LogTap;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file taken again says what really happened to its earlier run: one that failed but whose file could not be moved
 * to failed/ did finish (it failed), unlike one that was interrupted. The earlier run's end is the row as
 * {@code DocumentStore.register} finds it (the file back in the inbox, the row without a place), made here directly
 * from a failed run's row, since a folder turning unwritable between the failure and the move cannot be timed.
 */
class RetryWordingTest {
    @TempDir
    Path home;

    @Test
    void aFailedRunWhoseFileWasNotMovedIsNotCalledUnfinishedAndAnInterruptedOneIs() throws Exception {
        try (RunningService service = RunningService.start(home); LogTap log = new LogTap()) {
            byte[] bad = BadInputs.corruptPdf();
            service.drop(bad, "bad.pdf");
            Path failed = service.awaitIn(service.failed(), "bad.pdf");
            long id = service.allDocuments().get(0).get("id").asLong();

            // failed, but not placed: row FAILED without storedAs, the file still in the inbox
            unplace(service, id, null, failed);
            await().atMost(Duration.ofSeconds(60)).until(() -> log.lines("as document " + id + " again (attempt 2)") > 0);
            String line = log.text().lines().filter(l -> l.contains("again (attempt 2)")).findFirst().orElseThrow();
            assertThat(line).contains("an earlier run failed").contains("could not be moved to failed/")
                    .doesNotContain("did not finish").doesNotContain("interrupted");
            failed = service.awaitIn(service.failed(), "bad.pdf");

            // interrupted: row still PROCESSING without storedAs (a kill, a stop, an outage)
            unplace(service, id, "PROCESSING", failed);
            await().atMost(Duration.ofSeconds(60)).until(() -> log.lines("as document " + id + " again (attempt 3)") > 0);
            line = log.text().lines().filter(l -> l.contains("again (attempt 3)")).findFirst().orElseThrow();
            assertThat(line).contains("interrupted").doesNotContain("failed");
            service.awaitIn(service.failed(), "bad.pdf");
            JsonNode doc = service.get("/api/documents/" + id);
            assertThat(doc.get("status").asText()).isEqualTo("FAILED");
            assertThat(doc.get("attempts").asInt()).isEqualTo(3);
        }
    }

    /** The file back in the inbox and its row without a place (and with the given status, or as it is). */
    private static void unplace(RunningService service, long id, String status, Path stored) throws Exception {
        Path tmp = service.home().resolve(".staging-" + System.nanoTime());
        Files.move(stored, tmp);
        Files.delete(Placement.errorFileOf(stored));
        service.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE document SET stored_as = NULL, status = COALESCE(?, status) WHERE id = ?")) {
                ps.setString(1, status);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
        Files.move(tmp, service.inbox().resolve("bad.pdf"));
    }
}

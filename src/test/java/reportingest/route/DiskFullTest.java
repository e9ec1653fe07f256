package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.LogTap;
import reportingest.support.RunningService;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static reportingest.route.HostileInboxTest.run;

/**
 * The disk of the service's home fills up. Made real with a small tmpfs mounted as the home (root only;
 * where mounting is refused the tests skip with that reason): no file is failed for it, nothing is lost,
 * intake pauses and says why, and resumes by itself once there is room again.
 */
class DiskFullTest {
    private static final Path SEED = InboxToArchiveTest.SEEDS.resolve("004_d2f5081e5b89099b.txt");

    @TempDir
    Path mountPoint;
    private Path home;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        assumeThat(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString()))
                .as("mounting a 24 MB tmpfs (needs root) at " + mountPoint).isZero();
        mounted = true;
        home = Files.createDirectory(mountPoint.resolve("home"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) assertThat(run("umount", mountPoint.toString())).isZero();
    }

    @Test
    void intakePausesWhileTheDiskHasLessThanTheKeptFreeSpaceAndResumesByItself() throws Exception {
        try (RunningService service = RunningService.start(home, Map.of("ingest.min-free-disk-mb", "2"))) {
            Path filler = fillLeaving(Files.size(SEED) + 200 * 1024);
            service.drop(SEED, "report.txt");

            await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/health").path("intake").asText().equals("PAUSED"));
            JsonNode health = service.get("/api/health");
            assertThat(health.get("intakeReason").asText()).contains("MB are free on the disk of").contains("ingest.min-free-disk-mb");
            assertThat(service.inbox().resolve("report.txt")).exists();
            assertThat(service.allDocuments()).isEmpty();

            Files.delete(filler);
            service.awaitIn(service.archive(), "report.txt");
            assertThat(service.get("/api/health").get("intake").asText()).isEqualTo("RUNNING");
            List<JsonNode> docs = service.allDocuments();
            assertThat(docs).hasSize(1);
            assertThat(docs.get(0).get("status").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(docs.get(0).get("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aDiskThatFillsDuringARunKeepsTheFileInTheInboxAndItIsStoredOnceThereIsRoom() throws Exception {
        assumeThat(RunningService.storeIsH2()).as("the database lies on the full disk only when it is H2 in the home").isTrue();
        try (RunningService service = RunningService.start(home, Map.of("ingest.min-free-disk-mb", "0"));
             LogTap log = new LogTap()) {
            // room for the file itself and little more: its thousand cells cannot be committed
            Path filler = fillLeaving(Files.size(SEED) + 16 * 1024);
            service.drop(SEED, "report.txt");

            await().atMost(Duration.ofSeconds(60)).until(() -> log.text().contains("Could not finish 'report.txt'"));
            assertThat(log.text()).contains("the disk holding the service's home is full")
                    .contains("The file stays in the inbox and nothing of this run is kept");
            assertThat(service.inbox().resolve("report.txt")).exists();
            try (var failed = Files.list(service.failed())) {
                assertThat(failed).as("nothing in failed/, no error file cut short").isEmpty();
            }

            Files.delete(filler);
            service.awaitIn(service.archive(), "report.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/health").path("status").asText().equals("UP"));
            List<JsonNode> docs = service.allDocuments();
            assertThat(docs).hasSize(1);
            assertThat(docs.get(0).get("status").asText()).isEqualTo("NEEDS_REVIEW");
            JsonNode export = service.get("/api/documents/" + docs.get(0).get("id").asText() + "/export");
            int cells = 0;
            for (JsonNode t : export.get("tables")) for (JsonNode r : t.get("rows")) cells += r.get("cells").size();
            assertThat(cells).isEqualTo(cellsOfAnUninterruptedRun());
            try (var failed = Files.list(service.failed())) {
                assertThat(failed).isEmpty();
            }
        }
    }

    /** The same file on a home with room to spare: the cells a full disk must not change. */
    private int cellsOfAnUninterruptedRun() throws Exception {
        Path roomy = Files.createTempDirectory("disk-full-reference");
        try (RunningService service = RunningService.start(roomy)) {
            service.drop(SEED, "report.txt");
            service.awaitIn(service.archive(), "report.txt");
            JsonNode doc = service.allDocuments().get(0);
            JsonNode export = service.get("/api/documents/" + doc.get("id").asText() + "/export");
            int cells = 0;
            for (JsonNode t : export.get("tables")) for (JsonNode r : t.get("rows")) cells += r.get("cells").size();
            return cells;
        } finally {
            run("rm", "-rf", roomy.toString());
        }
    }

    /** Writes a file that leaves about {@code bytes} free on the small disk. */
    private Path fillLeaving(long bytes) throws IOException {
        Path filler = mountPoint.resolve("filler");
        long toWrite = Files.getFileStore(mountPoint).getUsableSpace() - bytes;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long n = 0; n + block.length <= toWrite; n += block.length) out.write(block);
        }
        return filler;
    }
}

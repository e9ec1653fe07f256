package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.chaos.BadInputs;
import reportingest.support.LogTap;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static reportingest.route.HostileInboxTest.run;

/**
 * A folder the service must write to (inbox/, archive/, failed/) that refuses writes. Made so with
 * {@code chattr +i}, which binds root too (tests here run as root, for whom permission bits do not count);
 * where the file system does not support it the tests skip with that reason.
 */
class UnwritableFoldersTest {
    @TempDir
    Path home;
    private final List<Path> locked = new ArrayList<>();

    @AfterEach
    void unlock() throws Exception {
        for (Path p : locked) run("chattr", "-i", p.toString());
    }

    private void lock(Path folder) throws Exception {
        assumeThat(run("chattr", "+i", folder.toString())).as("chattr +i works on " + folder).isZero();
        locked.add(folder);
    }

    private void unlock(Path folder) throws Exception {
        assertThat(run("chattr", "-i", folder.toString())).isZero();
        locked.remove(folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"archive", "failed", "inbox"})
    void anUnwritableFolderKeepsFilesInTheInboxWithoutRowsUntilItIsWritableAgain(String folderName) throws Exception {
        try (RunningService service = RunningService.start(home); LogTap log = new LogTap()) {
            Path folder = home.resolve(folderName);
            byte[] good = HostileInboxTest.textReport("只读目录 " + folderName);
            byte[] bad = BadInputs.corruptPdf();
            if (!folderName.equals("inbox")) lock(folder);
            service.drop(good, "good.txt");
            service.drop(bad, "bad.pdf");
            if (folderName.equals("inbox")) lock(folder);

            // several polls pass while the folder stays locked: nothing is taken, no row is made
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15)).until(() ->
                    Files.exists(service.inbox().resolve("good.txt")) && Files.exists(service.inbox().resolve("bad.pdf"))
                            && service.allDocuments().isEmpty());
            assertThat(service.get("/api/health").path("intake").asText()).isEqualTo("PAUSED");
            assertThat(service.get("/api/health").path("intakeReason").asText()).contains(folder.toString());
            assertThat(log.lines("is not writable")).as("said once").isEqualTo(1);

            unlock(folder);
            Path archived = service.awaitIn(service.archive(), "good.txt");
            Path failed = service.awaitIn(service.failed(), "bad.pdf");
            assertThat(archived).hasBinaryContent(good);
            assertThat(failed.resolveSibling("bad.pdf.error.json")).exists();
            List<JsonNode> docs = service.allDocuments();
            assertThat(docs).extracting(d -> d.get("fileName").asText()).containsExactlyInAnyOrder("good.txt", "bad.pdf");
            assertThat(docs).extracting(d -> d.get("storedAs").asText())
                    .containsExactlyInAnyOrder(archived.toString(), failed.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> service.get("/api/health").path("intake").asText().equals("RUNNING"));
        }
    }

    @Test
    void aFileProcessedWhileTheArchiveTurnedUnwritableIsPlacedLaterUnderItsOwnRow() throws Exception {
        try (RunningService service = RunningService.start(home); LogTap log = new LogTap()) {
            String seed = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"));
            byte[] big = (seed.repeat(30) + "\n归档目录在处理中变为只读\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            service.drop(big, "long.txt");
            // the last stage before the store transaction: the archive is locked while the records are stored
            await().atMost(Duration.ofMinutes(3)).until(() -> log.lines("'long.txt': validation done") > 0);
            lock(service.archive());
            await().atMost(Duration.ofSeconds(60)).until(() -> log.lines("Could not move 'long.txt'") > 0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    Files.exists(service.inbox().resolve("long.txt")) && service.allDocuments().size() == 1);

            unlock(service.archive());
            Path archived = service.awaitIn(service.archive(), "long.txt");
            assertThat(archived).hasBinaryContent(big);
            List<JsonNode> docs = service.allDocuments();
            assertThat(docs).singleElement().satisfies(d -> {
                assertThat(d.get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
                assertThat(d.get("storedAs").asText()).isEqualTo(archived.toString());
            });
            assertThat(log.lines("Could not move 'long.txt'")).as("said once").isEqualTo(1);
        }
    }

    @Test
    void aFileNeverLandsInFailedWithoutItsErrorFile() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            // the error file's name is taken by a link into a folder that refuses writes: writing it must fail
            Path refusing = Files.createDirectories(home.resolve("refusing"));
            lock(refusing);
            Files.createSymbolicLink(service.failed().resolve("bad.pdf.error.json"), refusing.resolve("bad.pdf.error.json"));
            byte[] bad = BadInputs.corruptPdf();
            service.drop(bad, "bad.pdf");

            await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(service.inbox().resolve("bad.pdf")));
            try (var files = Files.list(service.failed())) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".error.json")) {
                        assertThat(f.resolveSibling(name + ".error.json")).as("error file of " + name).exists();
                    }
                }
            }
            JsonNode doc = service.allDocuments().get(0);
            assertThat(Path.of(doc.get("storedAs").asText())).hasBinaryContent(bad);
        }
    }
}

package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.chaos.BadInputs;
import reportingest.support.LogTap;
import reportingest.support.ServiceOnTempHome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static reportingest.route.InboxToArchiveTest.sha256;

/**
 * Things that are not plain files, or have names the file system barely allows, in the inbox: none may
 * block intake, be followed out of the inbox, or stay in the inbox for ever. Each ends in archive/ or
 * failed/ with a reason, and the next ordinary file is still taken.
 */
class HostileInboxTest extends ServiceOnTempHome {

    @Test
    void fifoAndDeviceNodeAreFailedUnreadAndTheNextFileIsStillTaken() throws Exception {
        Path fifo = service.inbox().resolve("pipe.pdf");
        assumeThat(run("mkfifo", fifo.toString())).as("mkfifo works here").isZero();
        Path device = service.inbox().resolve("device.tif");
        boolean withDevice = run("mknod", device.toString(), "c", "1", "3") == 0;

        byte[] good = textReport("FIFO 之后的文件");
        service.drop(good, "after-fifo.txt");
        service.awaitIn(service.archive(), "after-fifo.txt");

        Path failedFifo = service.awaitIn(service.failed(), "pipe.pdf");
        assertThat(attributes(failedFifo).isOther()).as("still the FIFO itself, moved, never opened").isTrue();
        assertThat(sidecar(failedFifo).get("code").asText()).isEqualTo("NOT_A_FILE");
        assertThat(documentNamed("pipe.pdf").get("status").asText()).isEqualTo("FAILED");
        if (withDevice) {
            Path failedDevice = service.awaitIn(service.failed(), "device.tif");
            assertThat(attributes(failedDevice).isOther()).isTrue();
            assertThat(sidecar(failedDevice).get("code").asText()).isEqualTo("NOT_A_FILE");
        }
        assertThat(service.get("/api/health").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void symlinksAreFailedAsLinksAndTheirTargetsNeverFollowed() throws Exception {
        Path outside = Files.createTempDirectory("outside-the-inbox");
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:收入决算表\n");
        Path folder = Files.createDirectories(outside.resolve("folder"));
        Files.writeString(folder.resolve("inside.txt"), "支出决算表\n");
        Files.createSymbolicLink(service.inbox().resolve("passwd.txt"), secret);
        Files.createSymbolicLink(service.inbox().resolve("folder-link"), folder);

        Path fileLink = service.awaitIn(service.failed(), "passwd.txt");
        Path dirLink = service.awaitIn(service.failed(), "folder-link");

        assertThat(Files.isSymbolicLink(fileLink)).isTrue();
        assertThat(Files.readSymbolicLink(fileLink)).isEqualTo(secret);
        assertThat(Files.isSymbolicLink(dirLink)).isTrue();
        assertThat(sidecar(fileLink).get("code").asText()).isEqualTo("SYMLINK");
        assertThat(sidecar(dirLink).get("code").asText()).isEqualTo("SYMLINK");
        assertThat(secret).hasContent("root:x:0:0:收入决算表");
        assertThat(folder.resolve("inside.txt")).exists();
        String secretSha = sha256(secret);
        assertThat(service.allDocuments()).noneMatch(d -> secretSha.equals(d.get("sha256").asText()));
        assertThat(documentNamed("passwd.txt").get("status").asText()).isEqualTo("FAILED");
        assertThat(documentNamed("folder-link").get("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void namesTooLongForALockFileOrWithABackslashLeaveTheInboxWithoutALogFlood() throws Exception {
        String longName = "部门决算".repeat(20) + "-ab.txt"; // 247 bytes: with ".camelLock" more than the 255 allowed
        assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isEqualTo(247);
        String backslash = "2023\\部门决算.txt";
        try (LogTap log = new LogTap()) {
            byte[] first = textReport("长文件名");
            byte[] second = textReport("反斜杠");
            service.drop(first, longName);
            service.drop(second, backslash);
            await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(service.inbox().resolve(longName))
                    && !Files.exists(service.inbox().resolve(backslash))
                    && documentNamed(longName) != null && documentNamed(longName).hasNonNull("storedAs")
                    && documentNamed(backslash) != null && documentNamed(backslash).hasNonNull("storedAs"));

            JsonNode taken = documentNamed(longName);
            assertThat(taken.get("sha256").asText()).isEqualTo(sha256(first));
            Path archived = Path.of(taken.get("storedAs").asText());
            assertThat(archived.getParent()).isEqualTo(service.archive());
            assertThat(archived).hasBinaryContent(first);
            assertThat(archived.getFileName().toString()).endsWith(".txt");

            Path refused = service.failed().resolve(backslash);
            assertThat(documentNamed(backslash).get("storedAs").asText()).isEqualTo(refused.toString());
            assertThat(refused).hasBinaryContent(second);
            assertThat(sidecar(refused).get("code").asText()).isEqualTo("NAME_NOT_SUPPORTED");
            assertThat(sidecar(refused).get("file").asText()).isEqualTo(backslash);
            assertThat(log.lines("\tat ")).as("no stack trace in the log").isZero();
        }
    }

    @Test
    void aFailedFileWithALongNameLandsInFailedTogetherWithItsErrorFile() throws Exception {
        String longName = "绩效自评".repeat(20) + "-cd.zip"; // 247 bytes: the name fits, "<name>.error.json" does not
        byte[] zip = BadInputs.zipArchive();
        service.drop(zip, longName);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(service.inbox().resolve(longName))
                && documentNamed(longName) != null && "FAILED".equals(documentNamed(longName).get("status").asText()));
        JsonNode doc = documentNamed(longName);
        Path stored = Path.of(doc.get("storedAs").asText());
        assertThat(stored.getParent()).isEqualTo(service.failed());
        assertThat(stored).hasBinaryContent(zip);
        assertThat(stored.getFileName().toString()).endsWith(".zip");
        JsonNode error = sidecar(stored);
        assertThat(error.get("file").asText()).isEqualTo(longName);
        assertThat(error.get("code").asText()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(service.failed().resolve(longName)).as("never without its error file").doesNotExist();
    }

    @Test
    void twoFailedFilesWithTheSameContentKeepARowEach() throws Exception {
        byte[] broken = BadInputs.corruptPdf();
        service.drop(broken, "first-broken.pdf");
        Path first = service.awaitIn(service.failed(), "first-broken.pdf");
        service.drop(broken, "second-broken.pdf");
        Path second = service.awaitIn(service.failed(), "second-broken.pdf");

        String sha = sha256(broken);
        List<JsonNode> rows = service.allDocuments().stream().filter(d -> sha.equals(d.get("sha256").asText())).toList();
        assertThat(rows).extracting(d -> d.get("fileName").asText()).containsExactly("first-broken.pdf", "second-broken.pdf");
        assertThat(rows).extracting(d -> d.get("status").asText()).containsExactly("FAILED", "FAILED");
        assertThat(rows).extracting(d -> d.get("storedAs").asText()).containsExactly(first.toString(), second.toString());
        assertThat(sidecar(first).get("documentId").asLong()).isEqualTo(rows.get(0).get("id").asLong());
        assertThat(sidecar(second).get("documentId").asLong()).isEqualTo(rows.get(1).get("id").asLong());
    }

    static byte[] textReport(String marker) throws Exception {
        return (Files.readString(InboxToArchiveTest.SEEDS.resolve("003_1a3ae03f6167b21e.txt")) + "\n附：" + marker + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode sidecar(Path failedFile) throws Exception {
        return Json.MAPPER.readTree(failedFile.resolveSibling(failedFile.getFileName() + ".error.json").toFile());
    }

    private JsonNode documentNamed(String name) throws Exception {
        return service.allDocuments().stream().filter(d -> name.equals(d.get("fileName").asText())).findFirst().orElse(null);
    }

    private static BasicFileAttributes attributes(Path p) throws Exception {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor();
    }
}

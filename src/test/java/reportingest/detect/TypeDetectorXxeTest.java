package reportingest.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.LogTap;
import reportingest.support.XxeCanary;
import reportingest.support.XxeInputs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Detection is where the service meets arbitrary XML: Tika sniffs an XML file's root element and opens
 * Office and OpenDocument containers to name them. None of that resolves an external entity or loads a
 * DTD: the canary file is never read, the loopback trap never called, and neither token reaches the
 * verdict, the reason, the action or the log.
 */
class TypeDetectorXxeTest {
    @TempDir
    Path dir;

    @Test
    void xmlSvgXhtmlXfaAndXmpFilesAreDetectedWithoutResolvingExternalEntities() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(dir.resolve("canary")); LogTap log = new LogTap()) {
            Map<String, Path> files = new XxeInputs(canary, dir.resolve("in")).xmlFiles();

            Map<String, String> verdicts = detectAll(files);

            assertThat(verdicts).as("each XML file, whatever its name, is refused (an XMP packet, plain text to Tika,"
                            + " under a .tif name as CORRUPT)")
                    .allSatisfy((name, verdict) -> assertThat(verdict).matches("(UNSUPPORTED_TYPE|CORRUPT): .*"));
            assertThat(verdicts.get("report-xml.pdf")).startsWith("UNSUPPORTED_TYPE");
            assertThat(verdicts.get("scan-svg.png")).startsWith("UNSUPPORTED_TYPE");
            assertNothingTaken(canary, verdicts, log);
        }
    }

    @Test
    void officeAndOpenDocumentContainersAreNamedWithoutResolvingTheEntitiesOfTheirParts() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(dir.resolve("canary")); LogTap log = new LogTap()) {
            Map<String, Path> files = new XxeInputs(canary, dir.resolve("in")).officeFiles();

            Map<String, String> verdicts = detectAll(files);

            // POI refuses a DOCTYPE in [Content_Types].xml outright, so a Word or Excel file that has one is
            // named only as an Office document: refused all the same
            assertThat(verdicts).as(verdicts.toString())
                    .allSatisfy((name, verdict) -> assertThat(verdict).startsWith("UNSUPPORTED_TYPE"));
            assertThat(verdicts.get("word-docx.pdf")).containsAnyOf("an Office document", "a Word document");
            assertNothingTaken(canary, verdicts, log);
        }
    }

    @Test
    void anEntityExpansionBombIsRefusedQuicklyWithoutExpandingIt() throws Exception {
        Path bomb = new XxeInputs(XxeCanary.plant(dir.resolve("canary")), dir.resolve("in")).billionLaughs("lol.pdf");

        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> new TypeDetector().detect(bomb, "lol.pdf"))
                        .isInstanceOfSatisfying(IngestFailure.class, f -> assertThat(f.code()).isEqualTo("UNSUPPORTED_TYPE")));
    }

    private static Map<String, String> detectAll(Map<String, Path> files) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        TypeDetector detector = new TypeDetector();
        files.forEach((name, path) -> {
            try {
                verdicts.put(name, detector.detect(path, name).kind().name());
            } catch (IngestFailure f) {
                verdicts.put(name, f.code() + ": " + f.reason() + " " + f.action());
            }
        });
        return verdicts;
    }

    private static void assertNothingTaken(XxeCanary canary, Map<String, String> verdicts, LogTap log) throws Exception {
        assertThat(canary.canaryReads()).as("reads of the canary file").isEmpty();
        assertThat(canary.requests()).as("requests to the loopback trap").isEmpty();
        for (String token : canary.tokens()) {
            assertThat(verdicts.values()).noneMatch(v -> v.contains(token));
            assertThat(log.text()).doesNotContain(token);
        }
    }
}

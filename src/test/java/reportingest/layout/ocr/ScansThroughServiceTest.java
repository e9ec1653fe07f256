package reportingest.layout.ocr;

import reportingest.support.ServiceOnTempHome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scans dropped into the inbox go through real Tesseract and end in archive/ with their pages counted. */
class ScansThroughServiceTest extends ServiceOnTempHome {
    @Test
    void multiPageTiffPngAndJpegScansAreReadPageByPageAndArchived() throws Exception {
        Path staging = home.resolve("scans");
        java.nio.file.Files.createDirectories(staging);
        ScanFiles.write(staging.resolve("scan.tiff"), "tiff", List.of(
                new ScanFiles.Frame(RuledTableScan.render(0, 0), 300),
                new ScanFiles.Frame(RuledTableScan.render(0.8, 20), 300)));
        ScanFiles.write(staging.resolve("page.png"), "png", List.of(new ScanFiles.Frame(RuledTableScan.render(-0.5, 10), 300)));
        ScanFiles.write(staging.resolve("page.jpg"), "jpeg", List.of(new ScanFiles.Frame(RuledTableScan.render(0.3, 15), 300)));
        for (String name : List.of("scan.tiff", "page.png", "page.jpg")) service.drop(staging.resolve(name), name);

        for (String name : List.of("scan.tiff", "page.png", "page.jpg")) service.awaitIn(service.archive(), name);
        List<JsonNode> docs = service.allDocuments();
        assertThat(docs).extracting(d -> d.get("fileName").asText() + " " + d.get("type").asText() + " " + d.get("pages").asInt())
                .containsExactlyInAnyOrder("scan.tiff image/tiff 2", "page.png image/png 1", "page.jpg image/jpeg 1");
        assertThat(docs).allSatisfy(d -> assertThat(d.get("status").asText()).isIn("DONE", "NEEDS_REVIEW"));
    }
}

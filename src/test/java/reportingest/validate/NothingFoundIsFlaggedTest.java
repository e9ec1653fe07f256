package reportingest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import reportingest.support.ServiceOnTempHome;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document in which nothing was recognised (no table, no figure) is never a silent DONE: through the real
 * service it ends NEEDS_REVIEW with NO_CONTENT_FOUND and the number of pages it had, whatever its kind.
 */
class NothingFoundIsFlaggedTest extends ServiceOnTempHome {

    @Test
    void blankPdfPagesEndNeedingReviewWithNoContentFound() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 40; i++) doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(out);
            pdf = out.toByteArray();
        }
        JsonNode doc = ingest(pdf, "forty-blank-pages.pdf");
        assertThat(doc.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(doc.get("pages").asInt()).isEqualTo(40);
        // a blank document states no body and no year either (#20: null plus METADATA_UNCERTAIN)
        assertThat(doc.get("flags")).extracting(JsonNode::asText).containsExactly("METADATA_UNCERTAIN", "NO_CONTENT_FOUND");
        JsonNode flag = service.get("/api/documents/" + doc.get("id").asLong() + "/export").get("reasons").get(1);
        assertThat(flag.get("message").asText()).startsWith("no table and no figure was recognised in its 40 pages");
    }

    @Test
    void proseWithoutTablesOrFiguresEndsNeedingReviewWithNoContentFound() throws Exception {
        String prose = "关于做好档案数字化工作的通知\n各单位：\n请按要求整理本单位档案，做好移交准备。\n特此通知。\n";
        JsonNode doc = ingest(prose.getBytes(StandardCharsets.UTF_8), "notice.txt");
        assertThat(doc.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(doc.get("flags")).extracting(JsonNode::asText).containsExactly("METADATA_UNCERTAIN", "NO_CONTENT_FOUND");
    }

    @Test
    void aReportWithItsTablesIsNotFlaggedAsEmpty() throws Exception {
        JsonNode doc = ingest(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("fixtures/seeds/003_1a3ae03f6167b21e.txt")), "seed-003.txt");
        assertThat(doc.get("flags")).extracting(JsonNode::asText).doesNotContain("NO_CONTENT_FOUND");
    }

    private JsonNode ingest(byte[] content, String name) throws Exception {
        service.drop(content, name);
        service.awaitIn(service.archive(), name);
        return service.allDocuments().stream().filter(d -> d.get("fileName").asText().equals(name)).findFirst().orElseThrow();
    }
}

package reportingest.api;

import reportingest.support.ServiceOnTempHome;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.store.DocumentStatus;
import reportingest.store.Json;
import reportingest.store.ResultStore;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Page images of originals a reviewer checks numbers against: a PDF page rendered at 150 dpi, an
 * image file's frame, and the area around a cell's box. Nothing depends on recognised content: the
 * test places a cell where it drew a mark and expects the mark in the crop.
 */
class PageImagesTest extends ServiceOnTempHome {
    @Test
    void pdfPageIsRenderedAt150DpiAndACellCropShowsWhatIsInsideItsBox() throws Exception {
        long doc = ingest(pdfWithMark(), "page-test.pdf");
        HttpResponse<byte[]> page = service.getBytes("/api/documents/" + doc + "/pages/1.png");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
        // a 200 x 100 pt page at 150 dpi
        assertThat((double) image.getWidth()).isCloseTo(200 * 150 / 72.0, within(1.5));
        assertThat((double) image.getHeight()).isCloseTo(100 * 150 / 72.0, within(1.5));
        assertThat(service.getRaw("/api/documents/" + doc + "/pages/2.png").statusCode()).isEqualTo(404);

        // a cell whose box (top-left origin, points) is where the mark was drawn
        new ResultStore(service.database()).save(doc, 1, "application/pdf", oneCell(new BBox(50, 20, 40, 10)),
                DocumentStatus.NEEDS_REVIEW);
        long cellId = service.get("/api/records?schema=income").get("items").get(0).get("cellId").asLong();
        HttpResponse<byte[]> crop = service.getBytes("/api/cells/" + cellId + "/crop.png?margin=10");
        assertThat(crop.statusCode()).isEqualTo(200);
        BufferedImage cut = ImageIO.read(new ByteArrayInputStream(crop.body()));
        double k = 150 / 72.0;
        assertThat((double) cut.getWidth()).isCloseTo(60 * k, within(2.0));
        assertThat((double) cut.getHeight()).isCloseTo(30 * k, within(2.0));
        assertThat(new Color(cut.getRGB(cut.getWidth() / 2, cut.getHeight() / 2))).isEqualTo(Color.RED);
        assertThat(new Color(cut.getRGB(1, 1))).isEqualTo(Color.WHITE);
    }

    @Test
    void imageFileFrameIsServedAsItIs() throws Exception {
        BufferedImage scan = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.BLUE);
        g.fillRect(10, 10, 30, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scan, "png", png);
        long doc = ingest(png.toByteArray(), "scan-test.png");

        HttpResponse<byte[]> page = service.getBytes("/api/documents/" + doc + "/pages/1.png");
        assertThat(page.statusCode()).isEqualTo(200);
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(page.body()));
        assertThat(served.getWidth()).isEqualTo(320);
        assertThat(served.getHeight()).isEqualTo(200);
        assertThat(new Color(served.getRGB(20, 20))).isEqualTo(Color.BLUE);
        HttpResponse<String> none = service.getRaw("/api/documents/" + doc + "/pages/2.png");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(none.body()).get("error").asText()).contains("1 page");
    }

    /** Drops the file and waits until it has been handled (archived, or failed while OCR is not in this build). */
    private long ingest(byte[] content, String name) throws Exception {
        service.drop(content, name);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(service.inbox().resolve(name))
                && (Files.exists(service.archive().resolve(name)) || Files.exists(service.failed().resolve(name))));
        JsonNode d = service.allDocuments().stream().filter(x -> x.get("fileName").asText().equals(name)).findFirst().orElseThrow();
        return d.get("id").asLong();
    }

    private static byte[] pdfWithMark() throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(200, 100));
            pdf.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                s.setNonStrokingColor(Color.RED);
                s.addRect(50, 100 - 20 - 10, 40, 10); // PDF space has its origin bottom-left
                s.fill();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static ExtractedDocument oneCell(BBox box) {
        CellValue cell = new CellValue("1.00", "1.00", 90.0, List.of(), 1, box, PageOrigin.OCR, null);
        TableRow row = new TableRow(Map.of("code", "201", "name", "x"), Map.of("本年收入合计", cell), RowStatus.ACCEPTED, List.of());
        ExtractedTable table = new ExtractedTable("income", "收入决算表", null, List.of("本年收入合计"), List.of(row), List.of(), List.of(), 1, 1);
        return new ExtractedDocument("测试", 2030, "万元", List.of(table), List.of(), List.of());
    }
}

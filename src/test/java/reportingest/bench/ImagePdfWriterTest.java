package reportingest.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The streamed image-only PDF is one PDFBox reads, and renders back to the pixels written. */
class ImagePdfWriterTest {
    @TempDir
    Path dir;

    @Test
    void pagesRenderBackToTheImagesWritten() throws Exception {
        BufferedImage a = stripes(300, 150, 40);
        BufferedImage b = stripes(200, 100, 200);
        Path pdf = dir.resolve("scan.pdf");
        try (ImagePdfWriter w = new ImagePdfWriter(pdf)) {
            var ea = ImagePdfWriter.EncodedPage.of(a, 100);
            var eb = ImagePdfWriter.EncodedPage.of(b, 100);
            for (int i = 0; i < 5; i++) w.add(i % 2 == 0 ? ea : eb);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
            assertThat(doc.getPage(1).getMediaBox().getWidth()).isCloseTo(200 * 72f / 100, within(0.01f));
            BufferedImage back = new PDFRenderer(doc).renderImageWithDPI(2, 100, ImageType.GRAY);
            assertThat(back.getWidth()).isEqualTo(300);
            assertThat(back.getRaster().getSample(10, 5, 0)).isEqualTo(a.getRaster().getSample(10, 5, 0));
            assertThat(back.getRaster().getSample(10, 25, 0)).isEqualTo(a.getRaster().getSample(10, 25, 0));
        }
    }

    private static BufferedImage stripes(int w, int h, int dark) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.getRaster().setSample(x, y, 0, (y / 20) % 2 == 0 ? 255 : dark);
        return img;
    }
}

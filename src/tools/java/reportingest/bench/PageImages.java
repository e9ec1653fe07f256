package reportingest.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** "Scans" of born-digital pages: rendered in grey at 300 dpi, as a flatbed scanner would give them. */
final class PageImages {
    static final int DPI = 300;

    private PageImages() {}

    /** @param pages 1-based page numbers */
    static List<BufferedImage> render(Path pdf, List<Integer> pages) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int n : pages) out.add(renderer.renderImageWithDPI(n - 1, DPI, ImageType.GRAY));
        }
        return out;
    }
}

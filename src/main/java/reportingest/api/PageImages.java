package reportingest.api;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import reportingest.layout.ocr.PixelBudget;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Page images of an original file for reviewers: PDF pages rendered at 150 dpi, image files as their
 * frames. Boxes in the records are in points (1/72 inch) for both, so {@link Rendered#pixelsPerPoint}
 * maps a cell's box onto the image. No image takes more pixels than the page budget the OCR stage keeps
 * to ({@code ingest.ocr.max-page-megapixels}): a larger page is rendered at a lower resolution, a larger
 * frame read down-sampled, its size known before it is decoded; PDF streams are cached in temporary files.
 */
final class PageImages {
    static final int PDF_DPI = 150;
    /** Resolution assumed for a scan whose metadata states none (the OCR stage assumes the same). */
    static final int DEFAULT_SCAN_DPI = 300;

    record Rendered(BufferedImage image, double pixelsPerPoint) {}

    /** Why there is no image: becomes a 404 with this message. */
    static final class NoImage extends Exception {
        NoImage(String message) { super(message); }
    }

    private PageImages() {}

    /** Page {@code page} (1-based) of the file, within the pixel budget. */
    static Rendered render(Path file, int page, PixelBudget budget) throws IOException, NoImage {
        if (!Files.isRegularFile(file)) throw new NoImage("the original file is no longer at " + file);
        try {
            if (isPdf(file)) return renderPdf(file, page, budget);
            return readFrame(file, page, budget);
        } catch (OutOfMemoryError e) {
            // the page's buffers are unreachable once we are here: the service goes on
            throw new NoImage("page " + page + " is too large to show within the service's memory");
        }
    }

    private static boolean isPdf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(5), "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static Rendered renderPdf(Path file, int page, PixelBudget budget) throws IOException, NoImage {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (page > doc.getNumberOfPages()) throw new NoImage("the document has " + doc.getNumberOfPages() + " page(s)");
            PDPage p = doc.getPage(page - 1);
            int dpi = budget.renderDpi(p.getCropBox().getWidth(), p.getCropBox().getHeight(), PDF_DPI);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
            return new Rendered(image, dpi / 72.0);
        }
    }

    private static Rendered readFrame(Path file, int page, PixelBudget budget) throws IOException, NoImage {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new NoImage("the original file is neither a PDF nor an image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int frames = reader.getNumImages(true);
                if (page > frames) throw new NoImage("the document has " + frames + " page(s)");
                // the size before decoding: a frame above the budget is read down-sampled, never whole
                int step = budget.subsampling(reader.getWidth(page - 1), reader.getHeight(page - 1));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(page - 1, param);
                return new Rendered(image, dpi(reader.getImageMetadata(page - 1)) / 72.0 / step);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The stated resolution (standard metadata: millimetres per pixel), else {@link #DEFAULT_SCAN_DPI}. */
    static double dpi(IIOMetadata metadata) {
        try {
            Node root = metadata == null ? null : metadata.getAsTree("javax_imageio_1.0");
            for (Node n = root == null ? null : root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!n.getNodeName().equals("Dimension")) continue;
                for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                    if (!d.getNodeName().equals("HorizontalPixelSize")) continue;
                    NamedNodeMap attrs = d.getAttributes();
                    double mmPerPixel = Double.parseDouble(attrs.getNamedItem("value").getNodeValue());
                    double dpi = 25.4 / mmPerPixel;
                    // 72 dpi and other odd values are what editors write by default, not a scan's resolution
                    if (dpi >= 100 && dpi <= 1200) return dpi;
                }
            }
        } catch (RuntimeException e) {
            // unreadable metadata: fall back to the usual scan resolution
        }
        return DEFAULT_SCAN_DPI;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

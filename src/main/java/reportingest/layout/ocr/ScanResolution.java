package reportingest.layout.ocr;

import org.w3c.dom.Node;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import java.util.OptionalInt;

/**
 * Reads a scan's resolution from its image metadata (TIFF XResolution, PNG pHYs, JPEG JFIF density),
 * through ImageIO's format-neutral "javax_imageio_1.0" tree, which gives millimetres per pixel.
 * Values that cannot describe a paper scan are ignored, because many writers stamp a meaningless
 * 72 or 96 dpi: a 2480-pixel-wide A4 scan "at 72 dpi" would be a 34-inch page. A whole page with A4's
 * proportions whose stated resolution makes no standard sheet is taken at the resolution that makes it
 * A4 ({@link PaperSize}); so is one that states none.
 */
public final class ScanResolution {
    static final int MIN_DPI = 50;
    static final int MAX_DPI = 2400;
    /** Larger than A2 paper: the stated resolution must be wrong. */
    static final double MAX_PAGE_INCH = 24;

    private ScanResolution() {}

    static int dpiOr(IIOMetadata metadata, int widthPx, int heightPx, int fallback) {
        OptionalInt stated = stated(metadata);
        if (stated.isPresent() && sane(stated.getAsInt()) && PaperSize.isStandardSheet(widthPx, heightPx, stated.getAsInt())) {
            return stated.getAsInt();
        }
        OptionalInt a4 = PaperSize.a4Dpi(widthPx, heightPx);
        if (a4.isPresent() && sane(a4.getAsInt())) return a4.getAsInt();
        if (stated.isEmpty() || !sane(stated.getAsInt())) return fallback;
        // Not a whole sheet (a cropped table, a receipt): the stated value is all there is, unless absurd.
        int d = stated.getAsInt();
        return Math.max(widthPx, heightPx) / (double) d > MAX_PAGE_INCH ? fallback : d;
    }

    /**
     * The resolution of an image placed on a PDF page, from its pixel size and the page's size in points.
     * The page size is the producer's statement of resolution: img2pdf, ImageMagick and phone apps size
     * the page at 72 or 96 dpi when the image states none, making a 300-dpi A4 scan a 35-inch page. As
     * for image metadata, a size that makes no standard sheet gives way to the A4 reading of the pixels.
     */
    public static int ofPlacedImage(int widthPx, int heightPx, double pageWidthPt, int fallback) {
        int implied = (int) Math.round(widthPx / (pageWidthPt / 72));
        if (sane(implied) && PaperSize.isStandardSheet(widthPx, heightPx, implied)) return implied;
        OptionalInt a4 = PaperSize.a4Dpi(widthPx, heightPx);
        if (a4.isPresent() && sane(a4.getAsInt())) return a4.getAsInt();
        if (!sane(implied)) return fallback;
        return Math.max(widthPx, heightPx) / (double) implied > MAX_PAGE_INCH ? fallback : implied;
    }

    private static boolean sane(int dpi) {
        return dpi >= MIN_DPI && dpi <= MAX_DPI;
    }

    static OptionalInt stated(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) return OptionalInt.empty();
        Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        Node dimension = child(root, "Dimension");
        Node size = dimension == null ? null : child(dimension, "HorizontalPixelSize");
        if (size == null) return OptionalInt.empty();
        Node value = size.getAttributes().getNamedItem("value");
        try {
            double mmPerPixel = Double.parseDouble(value.getNodeValue());
            if (!(mmPerPixel > 0)) return OptionalInt.empty();
            return OptionalInt.of((int) Math.round(25.4 / mmPerPixel));
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) return n;
        }
        return null;
    }
}

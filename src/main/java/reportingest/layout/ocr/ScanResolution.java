package reportingest.layout.ocr;

import org.w3c.dom.Node;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import java.util.OptionalInt;

/**
 * Reads a scan's resolution from its image metadata (TIFF XResolution, PNG pHYs, JPEG JFIF density),
 * through ImageIO's format-neutral "javax_imageio_1.0" tree, which gives millimetres per pixel.
 * Values that cannot describe a paper scan are ignored, because many writers stamp a meaningless
 * 72 dpi: a 2480-pixel-wide A4 scan "at 72 dpi" would be a 34-inch page.
 */
final class ScanResolution {
    static final int MIN_DPI = 50;
    static final int MAX_DPI = 2400;
    /** Larger than A2 paper: the stated resolution must be wrong. */
    static final double MAX_PAGE_INCH = 24;

    private ScanResolution() {}

    static int dpiOr(IIOMetadata metadata, int widthPx, int heightPx, int fallback) {
        OptionalInt dpi = stated(metadata);
        if (dpi.isEmpty()) return fallback;
        int d = dpi.getAsInt();
        if (d < MIN_DPI || d > MAX_DPI) return fallback;
        if (Math.max(widthPx, heightPx) / (double) d > MAX_PAGE_INCH) return fallback;
        return d;
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

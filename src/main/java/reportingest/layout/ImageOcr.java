package reportingest.layout;

import java.awt.image.BufferedImage;

/**
 * Reads a page image into the page model: words with boxes and confidences, and the ruling lines
 * found in the image. Used for image files and for PDF pages without a text layer.
 * Boxes are in points (pixels × 72 / dpi), like born-digital PDF pages.
 */
public interface ImageOcr {
    Page read(BufferedImage image, int pageNumber, int dpi);
}

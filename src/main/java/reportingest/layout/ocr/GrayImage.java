package reportingest.layout.ocr;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * An 8-bit grayscale page image (0 black .. 255 white) backed by one array with no row padding,
 * so line detection, erasing and handing the pixels to Tesseract need no copies or colour lookups.
 * Always a private copy: callers' images are never modified.
 */
final class GrayImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    GrayImage(int width, int height, byte[] pixels) {
        if (pixels.length != width * height) throw new IllegalArgumentException("pixel count does not match size");
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    static GrayImage blank(int width, int height) {
        byte[] px = new byte[width * height];
        java.util.Arrays.fill(px, (byte) 0xFF);
        return new GrayImage(width, height, px);
    }

    /** Chroma (max − min channel) above which a pixel is coloured ink, not black print with scanner tint. */
    static final int COLOUR_DROPOUT_CHROMA = 64;

    /** Converts any image to gray; transparency is composited over white paper; coloured ink drops out. */
    static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        if (isPlainGray(image)) {
            // Read samples, not getRGB: getRGB would push gray through a colour-space conversion.
            Raster raster = image.getRaster();
            int shift = image.getColorModel().getComponentSize(0) - 8;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) out[y * w + x] = (byte) (row[x] >> shift);
            }
            return new GrayImage(w, h, out);
        }
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                int a = p >>> 24;
                int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
                // Colour dropout: printed figures are black; a strongly coloured pixel is a seal, a coloured
                // pen or a highlighter and takes its lightest channel, so a red 财务专用章 over a table
                // fades instead of turning the digits under it into black blots. Black ink over the seal
                // stays black in every channel.
                int luma = max - min > COLOUR_DROPOUT_CHROMA ? max : (299 * r + 587 * g + 114 * b) / 1000;
                out[y * w + x] = (byte) ((luma * a + 255 * (255 - a)) / 255);
            }
        }
        return new GrayImage(w, h, out);
    }

    private static boolean isPlainGray(BufferedImage image) {
        var cm = image.getColorModel();
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && cm.getNumComponents() == 1
                && cm.getTransparency() == Transparency.OPAQUE
                && !(cm instanceof java.awt.image.IndexColorModel)
                && cm.getComponentSize(0) >= 8;
    }

    int width() { return width; }
    int height() { return height; }

    int at(int x, int y) { return pixels[y * width + x] & 0xFF; }

    boolean dark(int x, int y, int threshold) { return (pixels[y * width + x] & 0xFF) < threshold; }

    /** Paints a rectangle white, clipped to the image; used to erase ruling lines. */
    void whiten(int x0, int y0, int x1, int y1) {
        int xa = Math.max(0, x0), xb = Math.min(width - 1, x1);
        int ya = Math.max(0, y0), yb = Math.min(height - 1, y1);
        for (int y = ya; y <= yb; y++) {
            java.util.Arrays.fill(pixels, y * width + xa, y * width + xb + 1, (byte) 0xFF);
        }
    }

    /** Darkest level print is taken at, whatever the page: black print on white paper. */
    static final int PRINT_INK = 128;
    /** Ink is at least this much darker than the paper (the median pixel), so paper noise never counts. */
    static final int PAPER_MARGIN = 32;

    /**
     * The gray level below which a pixel is print on this page: {@link #PRINT_INK} for black print, higher
     * for a page whose print is light (a blurred scan up-sampled from 150 dpi draws its strokes in gray,
     * 130–220, with no pixel under 128). Otsu's split of the page's histogram between print and paper,
     * kept {@link #PAPER_MARGIN} under the paper's level so that a blank page's noise is never print.
     */
    int inkLevel() {
        long[] hist = new long[256];
        for (byte b : pixels) hist[b & 0xFF]++;
        long n = pixels.length;
        int median = median(hist, n);
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += (double) i * hist[i];
        double sumBelow = 0, best = -1;
        long below = 0;
        int otsu = 0;
        for (int i = 0; i < 256; i++) {
            below += hist[i];
            sumBelow += (double) i * hist[i];
            long above = n - below;
            if (below == 0) continue;
            if (above == 0) break;
            double diff = sumBelow / below - (sum - sumBelow) / above;
            double between = (double) below * above * diff * diff;
            if (between > best) { best = between; otsu = i + 1; }
        }
        return Math.max(PRINT_INK, Math.min(otsu, median - PAPER_MARGIN));
    }

    /**
     * Fewer print pixels than one small character has: a blank page (a separator sheet, the back of a leaf), whose
     * paper noise OCR would read as thousands of specks for half a minute (seed 314159265's blank TIFF frame, no
     * pixel under 220: 36 s).
     */
    static final int BLANK_INK_PIXELS = 50;

    /** No pixel of print: nothing darker than {@link #inkLevel()} but a few specks. */
    boolean blank() {
        int level = inkLevel(), n = 0;
        for (byte b : pixels) if ((b & 0xFF) < level && ++n >= BLANK_INK_PIXELS) return false;
        return true;
    }

    /** The paper's gray level: the median pixel (print covers far less than half of a page). */
    int paperLevel() {
        long[] hist = new long[256];
        for (byte b : pixels) hist[b & 0xFF]++;
        return median(hist, pixels.length);
    }

    private static int median(long[] hist, long n) {
        long seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += hist[i];
            if (seen * 2 >= n) return i;
        }
        return 255;
    }

    /**
     * True for a bi-level page: a 1-bit scan (fax, JBIG2, CCITT G4) whose pixels are all near black or near white
     * (PDFBox renders such an image with levels a few steps off 0 and 255; at most 1 in 1000 pixels of the mid
     * levels 16–239, where a gray scan has the edges of every stroke).
     */
    boolean bilevel() {
        long mid = 0;
        for (byte b : pixels) {
            int v = b & 0xFF;
            if (v >= 16 && v <= 239) mid++;
        }
        return mid * 1000 <= pixels.length;
    }

    /**
     * A Gaussian-smoothed copy (σ in pixels, kernel over ±2σ). Tesseract reads a 1-bit scan's stair-stepped strokes
     * worse than gray ones: at 300 dpi the open bowl of a 5 closes into a 9 and the 5 of 257184 into a 0; smoothing
     * the edges to gray, as a gray scan of the same print has them, reads them right.
     */
    GrayImage smoothed(double sigma) {
        int r = Math.max(1, (int) Math.ceil(2 * sigma));
        int[] k = new int[2 * r + 1];
        int sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (int) Math.round(1024 * Math.exp(-(i * i) / (2 * sigma * sigma)));
            sum += k[i + r];
        }
        int[] tmp = new int[pixels.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                long acc = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.min(width - 1, Math.max(0, x + i));
                    acc += (long) k[i + r] * (pixels[row + xx] & 0xFF);
                }
                tmp[row + x] = (int) (acc / sum);
            }
        }
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                long acc = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = Math.min(height - 1, Math.max(0, y + i));
                    acc += (long) k[i + r] * tmp[yy * width + x];
                }
                out[y * width + x] = (byte) (acc / sum);
            }
        }
        return new GrayImage(width, height, out);
    }

    /** This page turned clockwise by 90, 180 or 270 degrees (any other angle: itself). */
    GrayImage turned(int clockwise) {
        int q = ((clockwise % 360) + 360) % 360 / 90;
        if (q == 0) return this;
        int w = q == 2 ? width : height, h = q == 2 ? height : width;
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx, ny;
                if (q == 1) { nx = height - 1 - y; ny = x; }
                else if (q == 2) { nx = width - 1 - x; ny = height - 1 - y; }
                else { nx = y; ny = width - 1 - x; }
                out[ny * w + nx] = pixels[y * width + x];
            }
        }
        return new GrayImage(w, h, out);
    }

    GrayImage copy() { return new GrayImage(width, height, pixels.clone()); }

    /** The raw rows, top to bottom, one byte per pixel, no padding (the layout Tesseract's SetImage takes). */
    byte[] pixels() { return pixels; }

    /** A TYPE_BYTE_GRAY copy of this image (for Java2D and jdeskew). */
    BufferedImage asBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, target, 0, pixels.length);
        return img;
    }

    /** Wraps a TYPE_BYTE_GRAY image this package created (no padding), without copying. */
    static GrayImage wrap(BufferedImage gray) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) throw new IllegalArgumentException("not TYPE_BYTE_GRAY");
        return new GrayImage(gray.getWidth(), gray.getHeight(),
                ((DataBufferByte) gray.getRaster().getDataBuffer()).getData());
    }
}

package reportingest.layout.ocr;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * Brings scans to a resolution Tesseract reads well. Its models expect body text around 20–30 px high
 * (≈300 dpi); 150-dpi scans lose small digits and 600-dpi scans cost four times the time for no gain.
 */
final class OcrResolution {
    static final int TARGET_DPI = 300;
    static final int LOWEST_KEPT = 225;
    static final int HIGHEST_KEPT = 400;

    private OcrResolution() {}

    /** Below this a page's hairline rules are lighter than ink (see {@link RulingDetector#LOW_RESOLUTION_INK}). */
    static final int HAIRLINE_DPI = 150;

    /** The gray level below which ruling detection counts a pixel as line, given the page's own resolution. */
    static int rulingInk(int sourceDpi) {
        return sourceDpi < HAIRLINE_DPI ? RulingDetector.LOW_RESOLUTION_INK : RulingDetector.INK;
    }

    static int workingDpi(int dpi) {
        return dpi >= LOWEST_KEPT && dpi <= HIGHEST_KEPT ? dpi : TARGET_DPI;
    }

    /**
     * {@link #workingDpi(int)}, but never up-sampling a {@code widthPx} × {@code heightPx} image past the page
     * budget: a page that was read down-sampled to fit the budget (a 24000-pixel scan at 1/6) must not be
     * blown up to 300 dpi again on its way to Tesseract. Such a page is read at the highest resolution that fits.
     */
    static int workingDpi(int dpi, long widthPx, long heightPx, PixelBudget budget) {
        int wanted = workingDpi(dpi);
        if (wanted <= dpi) return wanted;
        int fits = (int) Math.floor(dpi * Math.sqrt((double) budget.maxPixels() / Math.max(1, widthPx * heightPx)));
        return Math.max(dpi, Math.min(wanted, fits));
    }

    static GrayImage resample(GrayImage image, int fromDpi, int toDpi) {
        if (fromDpi == toDpi) return image;
        double scale = (double) toDpi / fromDpi;
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var op = new AffineTransformOp(AffineTransform.getScaleInstance(scale, scale), new RenderingHints(
                RenderingHints.KEY_INTERPOLATION, scale > 1 ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                : RenderingHints.VALUE_INTERPOLATION_BILINEAR));
        op.filter(image.asBufferedImage(), dst);
        edgesInside(dst, image.width(), image.height(), scale);
        return GrayImage.wrap(dst);
    }

    /**
     * A last column or row whose middle falls beyond the image's last pixel (1653 px at 1.5 is 2479.5 px, rounded up
     * to 2480: the middle of the last column is at 1653.0, past 1652.5) is left black by the transform: a rule on the
     * edge of every up-sampled page, and print on a blank one. It takes the column or row before it. (The scale stays
     * the nominal one: reading the rest at another moves every glyph by a fraction of a pixel, and OCR read 8.53 as
     * 8.52 on a 144-dpi render.)
     */
    private static void edgesInside(BufferedImage dst, int sourceWidth, int sourceHeight, double scale) {
        var raster = dst.getRaster();
        int w = dst.getWidth(), h = dst.getHeight();
        int x0 = w, y0 = h;
        while (x0 > 1 && (x0 - 0.5) / scale > sourceWidth - 0.5) x0--;
        while (y0 > 1 && (y0 - 0.5) / scale > sourceHeight - 0.5) y0--;
        // from the first column (row) outside on, each takes the one before it, so the last inside one spreads
        for (int x = x0; x < w; x++) for (int y = 0; y < h; y++) raster.setSample(x, y, 0, raster.getSample(x - 1, y, 0));
        for (int y = y0; y < h; y++) for (int x = 0; x < w; x++) raster.setSample(x, y, 0, raster.getSample(x, y - 1, 0));
    }
}

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
        // the scale that maps the rounded size onto the image exactly: at the nominal one the last column or row
        // of a 1653-pixel page at 1.5 (2479.5, rounded up) falls outside it and came out black, a rule on every page
        var op = new AffineTransformOp(AffineTransform.getScaleInstance((double) w / image.width(), (double) h / image.height()), new RenderingHints(
                RenderingHints.KEY_INTERPOLATION, scale > 1 ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                : RenderingHints.VALUE_INTERPOLATION_BILINEAR));
        op.filter(image.asBufferedImage(), dst);
        return GrayImage.wrap(dst);
    }
}

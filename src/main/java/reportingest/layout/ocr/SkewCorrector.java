package reportingest.layout.ocr;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Finds and removes small page skew by projection profiles: at the right angle, text lines and table
 * rulings pile ink into the fewest rows, so the sum of squared row counts peaks. A coarse search over
 * ±{@link #MAX_CORRECTED_DEGREES} in 0.1° steps, then a fine one in {@link #FINE_STEP_DEGREES} steps.
 * Chosen over jdeskew's Hough transform (0.2° steps, ~0.5–1.5 s per A4 page here) because this takes
 * tens of milliseconds and an exact angle keeps long rulings on one scanline band for line detection.
 * Larger skews are not corrected: they are rare in archive scans and more likely a misreading.
 */
final class SkewCorrector {
    static final double MAX_CORRECTED_DEGREES = 5.0;
    static final double COARSE_STEP_DEGREES = 0.1;
    static final double FINE_STEP_DEGREES = 0.02;
    /** Below this a rotation would only blur the image. */
    static final double MIN_CORRECTED_DEGREES = 0.05;

    Deskewed straighten(GrayImage image) {
        double angle = estimate(image);
        if (Math.abs(angle) < MIN_CORRECTED_DEGREES) return new Deskewed(image, angle);
        return new Deskewed(rotate(image, -angle), angle);
    }

    /** Skew in degrees, positive = page content turned clockwise on screen. 0 for a blank page. */
    static double estimate(GrayImage image) {
        InkSample ink = InkSample.of(image);
        if (ink.size() == 0) return 0;
        double coarse = bestAngle(ink, image, -MAX_CORRECTED_DEGREES, MAX_CORRECTED_DEGREES, COARSE_STEP_DEGREES, 2);
        double fine = bestAngle(ink, image, coarse - COARSE_STEP_DEGREES, coarse + COARSE_STEP_DEGREES, FINE_STEP_DEGREES, 1);
        return Math.round(fine / FINE_STEP_DEGREES) * FINE_STEP_DEGREES;
    }

    private static double bestAngle(InkSample ink, GrayImage image, double from, double to, double step, int stride) {
        int margin = (int) Math.ceil(image.width() * Math.tan(Math.toRadians(MAX_CORRECTED_DEGREES + 1)));
        int[] rows = new int[image.height() + 2 * margin + 1];
        double best = 0, bestScore = -1;
        int steps = (int) Math.round((to - from) / step);
        for (int k = 0; k <= steps; k++) {
            double a = from + k * step;
            // A line turned clockwise by a descends to the right: y = y0 + x·tan(a); undo that shear.
            double t = Math.tan(Math.toRadians(a));
            Arrays.fill(rows, 0);
            for (int i = 0; i < ink.size(); i += stride) {
                // bins as tall as the sample's row step: one-row bins leave every other bin empty at exactly 0° only,
                // doubling the score there, so a faint 150-dpi page turned 0.7° was read as straight
                int r = (int) Math.round((ink.ys[i] - ink.xs[i] * t) / InkSample.STEP) + margin;
                if (r >= 0 && r < rows.length) rows[r]++;
            }
            double score = 0;
            for (int c : rows) score += (double) c * c;
            // Ties go to the angle nearest zero, so a blank or uniform page is not turned.
            if (score > bestScore || (score == bestScore && Math.abs(a) < Math.abs(best))) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    /** Rotates about the centre, keeping the size; uncovered corners become white paper, not black. */
    static GrayImage rotate(GrayImage image, double clockwiseDegrees) {
        BufferedImage dst = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((DataBufferByte) dst.getRaster().getDataBuffer()).getData(), (byte) 0xFF);
        AffineTransform rotation = AffineTransform.getRotateInstance(Math.toRadians(clockwiseDegrees),
                image.width() / 2.0, image.height() / 2.0);
        var op = new AffineTransformOp(rotation, new RenderingHints(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR));
        // filter() leaves destination pixels outside the turned source untouched: the white fill stays.
        op.filter(image.asBufferedImage(), dst);
        return GrayImage.wrap(dst);
    }

    /** Ink pixels on every 2nd row and column: enough to find the angle, a quarter of the work. */
    private static final class InkSample {
        static final int STEP = 2;
        int[] xs = new int[1 << 16];
        int[] ys = new int[1 << 16];
        int n;

        static InkSample of(GrayImage image) {
            InkSample s = new InkSample();
            // the page's own print level: a light blurred scan has few pixels under 128
            int level = image.inkLevel();
            for (int y = 0; y < image.height(); y += STEP) {
                for (int x = 0; x < image.width(); x += STEP) {
                    if (image.dark(x, y, level)) s.add(x, y);
                }
            }
            return s;
        }

        void add(int x, int y) {
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, n * 2);
                ys = Arrays.copyOf(ys, n * 2);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        int size() { return n; }
    }
}

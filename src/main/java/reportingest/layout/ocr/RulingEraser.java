package reportingest.layout.ocr;

import java.util.List;

/**
 * Paints ruling lines white. Tesseract takes a ruled grid for a picture and reads nothing inside it
 * (STACK-NOTES §4), so lines must go before OCR. A small margin removes the anti-aliased fringe that
 * would otherwise read as "|" or "_".
 *
 * <p>A blurred scan's rules have a wider fringe: a 150-dpi scan brought up to 300 dpi draws a rule's
 * edge over 3–4 pixels of gray, lighter than the line's ink but darker than paper, and what the margin
 * leaves of it reads as "|" or "-" specks beside the line (at crossings above all), which the table
 * stage then takes for cell text ("- 1.13"). So the band is widened while the scanline beside it is
 * still darker than the paper further out, but not by more than a fringe is: its median along the line,
 * so that text printed close to the line (a small part of its length) does not widen it, and a scanline
 * that a glyph fills for most of a short line's length (print, darker than fringe) stops it.
 */
final class RulingEraser {
    /** A scanline beside a rule is fringe while its median is this much darker than the paper beyond. */
    static final int FRINGE_CONTRAST = 8;

    private final int margin;
    /** The most a band is widened on each side, beyond the margin. */
    private final int maxFringe;

    RulingEraser(int dpi) {
        this(dpi, dpi);
    }

    /**
     * @param sourceDpi the page's own resolution. Only a scan brought up from it (at least
     *                  {@link OcrResolution#HAIRLINE_DPI}) has its rules' fringe taken: a coarser render's
     *                  hairlines are found and erased by their own limits, and widening their band there cut
     *                  into amounts printed close to them.
     */
    RulingEraser(int dpi, int sourceDpi) {
        this.margin = Math.max(1, Math.round(dpi / 150f));
        this.maxFringe = sourceDpi < dpi && sourceDpi >= OcrResolution.HAIRLINE_DPI ? Math.max(1, Math.round(dpi / 75f)) : 0;
    }

    GrayImage erase(GrayImage image, List<LineSegment> lines) {
        GrayImage out = image.copy();
        for (LineSegment l : lines) {
            int before = margin + fringe(image, l, -1);
            int after = margin + fringe(image, l, +1);
            if (l.horizontal()) out.whiten(l.x0() - margin, l.y0() - before, l.x1() + margin, l.y1() + after);
            else out.whiten(l.x0() - before, l.y0() - margin, l.x1() + after, l.y1() + margin);
        }
        return out;
    }

    /** How many scanlines past the margin, on one side of the line ({@code side} −1 or +1), are still its fringe. */
    private int fringe(GrayImage image, LineSegment l, int side) {
        if (maxFringe == 0) return 0;
        int edge = side < 0 ? (l.horizontal() ? l.y0() : l.x0()) - margin : (l.horizontal() ? l.y1() : l.x1()) + margin;
        int paper = median(image, l, edge + side * (maxFringe + 2));
        if (paper < 0) return 0;
        int n = 0;
        for (int k = 1; k <= maxFringe; k++) {
            int m = median(image, l, edge + side * k);
            // Lighter than the paper beyond: the fringe has ended. Darker than a fringe gets: print beside the line.
            if (m < 0 || m > paper - FRINGE_CONTRAST || m < paper - GrayImage.PAPER_MARGIN) break;
            n = k;
        }
        return n;
    }

    /** The median gray of one scanline parallel to the line, over the line's length; −1 off the image. */
    private static int median(GrayImage image, LineSegment l, int at) {
        int limit = l.horizontal() ? image.height() : image.width();
        if (at < 0 || at >= limit) return -1;
        int from = Math.max(0, l.horizontal() ? l.x0() : l.y0());
        int to = Math.min((l.horizontal() ? image.width() : image.height()) - 1, l.horizontal() ? l.x1() : l.y1());
        if (to < from) return -1;
        int[] hist = new int[256];
        for (int i = from; i <= to; i++) hist[l.horizontal() ? image.at(i, at) : image.at(at, i)]++;
        int half = (to - from + 2) / 2, seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= half) return v;
        }
        return 255;
    }
}

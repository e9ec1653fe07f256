package reportingest.layout.ocr;

import java.util.List;
import java.util.OptionalInt;

/**
 * Standard paper sizes, so that a page image's resolution can be told from its pixel size when its
 * metadata states none or a wrong one. Renderers and converters stamp their own default (72 or 96 dpi)
 * whatever they rendered at: a 1684×1191 render of an A4 page "at 96 dpi" would be a 17.5-inch sheet,
 * which no report is printed on, while 1684 px over A4's 11.69 inches is the 144 dpi it was drawn at.
 */
final class PaperSize {
    /** Short and long side in inches. */
    private record Sheet(double shortSide, double longSide) {}

    private static final double MM = 1 / 25.4;
    private static final Sheet A4 = new Sheet(210 * MM, 297 * MM);
    /** A5–A3, ISO and JIS B4/B5, US Letter and Legal: what reports and their fold-outs are printed on. */
    private static final List<Sheet> SHEETS = List.of(new Sheet(148 * MM, 210 * MM), A4, new Sheet(297 * MM, 420 * MM),
            new Sheet(176 * MM, 250 * MM), new Sheet(250 * MM, 353 * MM), new Sheet(182 * MM, 257 * MM),
            new Sheet(257 * MM, 364 * MM), new Sheet(8.5, 11), new Sheet(8.5, 14));
    /** Size tolerance for a stated resolution: scanners crop or pad a few millimetres. */
    private static final double SIZE_TOLERANCE = 0.03;
    /**
     * Proportion tolerance for taking a page as A4: a whole-pixel render is within 0.1% of √2, a scanner
     * pad or crop of a few pixels stays well within 0.5%; a cropped table or a photo rarely lands there.
     */
    private static final double A4_PROPORTION_TOLERANCE = 0.005;

    private PaperSize() {}

    /** Whether the pixel size at this resolution is a standard sheet (either orientation). */
    static boolean isStandardSheet(int widthPx, int heightPx, int dpi) {
        double shortIn = Math.min(widthPx, heightPx) / (double) dpi;
        double longIn = Math.max(widthPx, heightPx) / (double) dpi;
        for (Sheet s : SHEETS) {
            if (Math.abs(shortIn / s.shortSide() - 1) <= SIZE_TOLERANCE && Math.abs(longIn / s.longSide() - 1) <= SIZE_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The resolution at which the image is a whole A4 page, when its proportions are A4's. A4 because the
     * reports this service reads are printed on it (GB/T 9704); an A3 or A5 page has the same proportions
     * and is told apart only by a stated resolution that fits it.
     */
    static OptionalInt a4Dpi(int widthPx, int heightPx) {
        double longPx = Math.max(widthPx, heightPx), shortPx = Math.min(widthPx, heightPx);
        double proportion = (longPx / shortPx) / (A4.longSide() / A4.shortSide());
        if (Math.abs(proportion - 1) > A4_PROPORTION_TOLERANCE) return OptionalInt.empty();
        return OptionalInt.of((int) Math.round(longPx / A4.longSide()));
    }
}

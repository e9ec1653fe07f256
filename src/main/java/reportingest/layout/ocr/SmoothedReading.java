package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * A 1-bit scan (fax, JBIG2, CCITT G4) is read with its edges smoothed to gray: Tesseract reads the stair-stepped
 * strokes of a bi-level page worse than gray ones (at 300 dpi the open bowl of a 5 closes into a 9: 28512 read 28912,
 * 235945 read 239945; a 5 into a 0: 257184 read 207184; 土地 read 士地), and smoothed, as a gray scan of the same print
 * is, they read right. Smoothing can lose a small header's words (2021年决算数 read 2021年 ;, a line 调整后 gone), so the
 * page is also read from its own pixels, and from that reading the merge takes only Chinese text the smoothed one
 * lost: words with Chinese characters over a smoothed word of punctuation only, and confident ones over no smoothed
 * word at all. Amounts always stay as read smoothed.
 */
final class SmoothedReading {
    /** Confidence a word of the plain reading needs where the smoothed reading has nothing. */
    static final double LOST_WORD_MIN = 80;

    private SmoothedReading() {}

    static List<OcrWord> merge(List<OcrWord> smoothed, List<OcrWord> plain) {
        List<OcrWord> out = new ArrayList<>(smoothed.size());
        List<OcrWord> taken = new ArrayList<>();
        for (OcrWord s : smoothed) {
            if (!punctuationOnly(s.text())) {
                out.add(s);
                continue;
            }
            List<OcrWord> under = plain.stream().filter(p -> han(p.text()) && overlap(s, p) > 0.5 && !taken.contains(p)).toList();
            if (under.isEmpty()) {
                out.add(s);
            } else {
                out.addAll(under);
                taken.addAll(under);
            }
        }
        for (OcrWord p : plain) {
            if (taken.contains(p) || !han(p.text()) || p.confidence() < LOST_WORD_MIN) continue;
            if (smoothed.stream().noneMatch(s -> touches(s, p))) out.add(p);
        }
        return out;
    }

    private static boolean punctuationOnly(String text) {
        return !text.isEmpty() && text.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static boolean han(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static boolean touches(OcrWord a, OcrWord b) {
        return Math.min(a.right(), b.right()) > Math.max(a.left(), b.left())
                && Math.min(a.bottom(), b.bottom()) > Math.max(a.top(), b.top());
    }

    /** Intersection over the smaller of the two areas. */
    private static double overlap(OcrWord a, OcrWord b) {
        int w = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
        int h = Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top());
        if (w <= 0 || h <= 0) return 0;
        double area = Math.min((double) (a.right() - a.left()) * (a.bottom() - a.top()), (double) (b.right() - b.left()) * (b.bottom() - b.top()));
        return area <= 0 ? 0 : w * (double) h / area;
    }
}

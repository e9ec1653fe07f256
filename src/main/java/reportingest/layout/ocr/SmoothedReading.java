package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * A 1-bit scan (fax, JBIG2, CCITT G4) is read with its edges smoothed to gray: Tesseract reads the stair-stepped
 * strokes of a bi-level page worse than gray ones (at 300 dpi the open bowl of a 5 closes into a 9: 28512 read 28912,
 * 235945 read 239945; a 5 into a 0: 257184 read 207184; 土地 read 士地), and smoothed, as a gray scan of the same print
 * is, they read right. Smoothing can lose a small header's words (2021年决算数 read 2021年 ;, a line 调整后 gone), so the
 * page is also read from its own pixels, and from that reading the merge takes only Chinese text the smoothed one
 * lost or misread: its words over a smoothed word of punctuation only (when they hold Chinese characters or
 * punctuation, 决算数 or the 、 of 六、, and no other smoothed word reads them), a Chinese word of as many characters
 * over the same place read far surer (by {@link #SURER}), and confident Chinese words over no smoothed word at all. Amounts always stay as read smoothed.
 */
final class SmoothedReading {
    /** Confidence a word of the plain reading needs where the smoothed reading has nothing. */
    static final double LOST_WORD_MIN = 80;
    /** How much surer the plain reading of the same Chinese word must be to be taken instead. */
    static final double SURER = 30;

    private SmoothedReading() {}

    static List<OcrWord> merge(List<OcrWord> smoothed, List<OcrWord> plain) {
        List<OcrWord> out = new ArrayList<>(smoothed.size());
        List<OcrWord> taken = new ArrayList<>();
        for (OcrWord s : smoothed) {
            if (punctuationOnly(s.text())) {
                // the plain reading's words over it that no other smoothed word already reads (六 of 六、 is read)
                List<OcrWord> under = plain.stream().filter(p -> overlap(s, p) > 0.5 && !taken.contains(p)
                        && smoothed.stream().noneMatch(o -> o != s && !punctuationOnly(o.text()) && overlap(o, p) > 0.5)).toList();
                if (under.stream().anyMatch(p -> p.text().codePoints().anyMatch(cp -> cp > 0x2E7F))) {
                    out.addAll(under);
                    taken.addAll(under);
                    continue;
                }
            } else if (han(s.text())) {
                // the same Chinese word read surer from the page's own pixels (股息 read 股奶 at confidence 19)
                OcrWord same = plain.stream().filter(p -> !taken.contains(p) && han(p.text()) && !p.text().equals(s.text())
                        && p.text().length() == s.text().length() && overlap(s, p) > 0.8 && p.confidence() > s.confidence() + SURER)
                        .findFirst().orElse(null);
                if (same != null) {
                    out.add(same);
                    taken.add(same);
                    continue;
                }
            }
            out.add(s);
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

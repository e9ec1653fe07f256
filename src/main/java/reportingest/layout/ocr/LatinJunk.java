package reportingest.layout.ocr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Chinese print that chi_sim+eng read as Latin letters ("ait" for 合计, "Sh REAR" for 支出决算表), often with a
 * confidence above any doubt threshold. On a page printed in Chinese, a line part or a cell of letters alone is more
 * likely such a misreading than print, so it is read again on its own; the second reading is taken only when it is
 * no longer letters alone and sure enough. Latin print (a letterhead's English name) reads as Latin again and stays.
 */
final class LatinJunk {
    /** Mean confidence at which a second reading that is not letters alone replaces letters, however sure they were. */
    static final double PRINT_MIN = 70;
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");

    private LatinJunk() {}

    /** Most of the page's words hold a Chinese character. */
    static boolean chinesePage(List<OcrWord> words) {
        long han = words.stream().filter(w -> hasHan(w.text())).count();
        return han * 2 > words.size();
    }

    /** Every word is letters only. */
    static boolean suspect(List<OcrWord> part) {
        return !part.isEmpty() && part.stream().allMatch(w -> LETTERS.matcher(w.text()).matches());
    }

    /**
     * The second reading of a suspect part replaces it: it is no longer letters alone (Chinese, digits), and sure
     * enough or surer than the first ("Let" at 22 for 1.52 in an amount cell).
     */
    static boolean readAsPrint(List<OcrWord> again, List<OcrWord> before) {
        if (again.isEmpty() || suspect(again)) return false;
        double after = mean(again);
        return after >= PRINT_MIN || after > mean(before);
    }

    private static double mean(List<OcrWord> ws) {
        return ws.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}

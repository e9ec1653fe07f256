package reportingest.layout.ocr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Chinese print that chi_sim+eng read as Latin letters ("ait" for 合计, "Sh REAR" for 支出决算表), often with a
 * confidence above any doubt threshold. On a page printed in Chinese, a line part or a cell of letters alone is more
 * likely such a misreading than print, so it is read again on its own; the second reading is taken only when it is
 * Chinese and sure enough. Latin print (a letterhead's English name) reads as Latin again and stays.
 */
final class LatinJunk {
    /** Least mean confidence of a second reading that replaces letters with Chinese. */
    static final double CHINESE_MIN = 70;
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

    /** The second reading of a suspect part is Chinese and sure enough to replace it. */
    static boolean readAsChinese(List<OcrWord> again) {
        return again.stream().anyMatch(w -> hasHan(w.text()))
                && again.stream().mapToDouble(OcrWord::confidence).average().orElse(0) >= CHINESE_MIN;
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}

package reportingest.layout.ocr.real;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The amounts a page prints, as tokens: decimals (12.34), comma-grouped figures (1,234.56), percentages
 * (5.40%), and whole numbers followed by a money unit (199万元, also as OCR spaces it: 199万 元). Bare integers are left out: on these
 * pages they are mostly years (2025年) and list numbers, which would swamp the measure with easy hits.
 * Figures are compared as printed, so "7" read as "7." or "1.53" as "1.58" is a miss.
 */
public final class PrintedAmounts {
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?%?|\\d+\\.\\d+%?|\\d+%|\\d+(?=\\s*[万元]))(?![\\d.])");

    private PrintedAmounts() {}

    /**
     * Tokens in reading order. A space right after a figure's point or comma is bridged ("8. 53" is 8.53):
     * OCR splits words there on wide-set fonts, and the service's amount parser drops such spaces too.
     */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        String joined = text.replace('％', '%').replace('，', ',').replaceAll("(?<=\\d[.,])[ \\t]+(?=\\d)", "");
        Matcher m = AMOUNT.matcher(joined);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The printed tokens not matched one-for-one by a token read (a multiset difference, order ignored). */
    public static List<String> missed(List<String> printed, List<String> read) {
        Map<String, Integer> available = new HashMap<>();
        for (String r : read) available.merge(r, 1, Integer::sum);
        List<String> missed = new ArrayList<>();
        for (String p : printed) {
            Integer n = available.get(p);
            if (n == null || n == 0) missed.add(p); else available.put(p, n - 1);
        }
        return missed;
    }
}

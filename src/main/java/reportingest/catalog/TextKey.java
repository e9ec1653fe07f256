package reportingest.catalog;

import java.text.Normalizer;

/**
 * Comparison key for printed labels and titles: full-width forms folded to half-width (NFKC),
 * all whitespace (incl. U+3000 and line breaks) and quote marks removed, brackets of every shape read as
 * round ones (OCR reads the （ of 因公出国（境）费 as 〈 or 〔, and printers use 【】 for the same; square brackets
 * stay, a Word bookmark [bookmark: …] is cut by them). Used only
 * for matching; exported labels keep their printed characters.
 */
public final class TextKey {
    private TextKey() {}

    public static String of(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) continue;
            if (c == '"' || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
                    || c == '\u300C' || c == '\u300D' || c == '\u300E' || c == '\u300F') continue;
            sb.append(switch (c) {
                case '\u3008', '\u3014', '\u3010' -> '(';
                case '\u3009', '\u3015', '\u3011' -> ')';
                default -> c;
            });
        }
        return sb.toString();
    }

    /** True when the text is empty after removing whitespace (blank and full-width-space cells). */
    public static boolean blank(String s) {
        return s == null || of(s).isEmpty();
    }
}

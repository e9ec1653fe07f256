package reportingest.reconcile.fin;

import reportingest.catalog.TextKey;

import java.text.Normalizer;

/** Label clean-up as the ground truth records labels: layout whitespace removed, characters kept. */
public final class Labels {
    private Labels() {}

    /** Removes all whitespace (spaces, U+3000, line breaks); null for blank. */
    public static String clean(String s) {
        if (s == null) return null;
        String r = s.replaceAll("[\\s\\u3000\\u00A0]+", "");
        return r.isEmpty() ? null : r;
    }

    /** Full-width digits folded to ASCII, for code detection only. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') sb.append((char) (c - '０' + '0'));
            else if (c == '\u3000') sb.append(' ');
            else sb.append(c);
        }
        return sb.toString();
    }

    public static boolean blank(String s) { return TextKey.blank(s); }

    public static String key(String s) { return TextKey.of(s); }

    /** A pure small integer: a line number (行次) or a column number (栏次). */
    public static boolean smallInteger(String s) {
        String k = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).strip();
        return k.matches("\\d{1,3}");
    }

    /**
     * A short number (up to three characters) with letters OCR confuses with digits (Ol for 01, ll for 11, it and 1} for
     * 11 in small serif print) as its digits; anything else as printed (null stays null): only parts of nothing but
     * digits and such letters, so a word stays a word.
     */
    static String digitsFromConfusions(String p) {
        if (p == null || p.matches("\\d+") || !p.matches("[\\dOoDQlI|it}\\]]{1,3}")) return p;
        return p.replace('O', '0').replace('o', '0').replace('D', '0').replace('Q', '0')
                .replace('l', '1').replace('I', '1').replace('|', '1').replace('i', '1')
                .replace('t', '1').replace('}', '1').replace(']', '1');
    }
}

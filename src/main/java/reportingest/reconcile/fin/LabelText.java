package reportingest.reconcile.fin;

import reportingest.catalog.EditDistance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparing a printed row label with a known one the way OCR damages labels: only the Chinese
 * characters count (stamp and speckle marks read as Latin letters, digits, underscores or stray
 * punctuation, and full-/half-width parentheses, are noise), and a line's ordinal (一、 （一） 1.) is
 * kept apart from its text, since abridged forms renumber their lines.
 */
public final class LabelText {
    private LabelText() {}

    private static final Pattern ORDINAL = Pattern.compile(
            "^\\s*([(（][一二三四五六七八九十]+[)）]、?|[一二三四五六七八九十]+[、.．]|\\d{1,2}[、.．](?!\\d))");

    /** The Chinese characters of the text, in order; empty for none. */
    public static String han(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The printed ordinal prefix (一、, （一）, 1.), or null. */
    public static String ordinal(String label) {
        if (label == null) return null;
        Matcher m = ORDINAL.matcher(label);
        return m.find() ? m.group(1) : null;
    }

    /** The label without its ordinal prefix. */
    public static String body(String label) {
        String o = ordinal(label);
        return o == null ? label : label.substring(label.indexOf(o) + o.length());
    }

    /**
     * Edits tolerated between a printed name and a name the printed code is known by: the code
     * already says which subject it is, so one slip in a short name and two in a long one.
     */
    public static int anchoredBudget(int length) {
        return length < 3 ? 0 : length < 8 ? 1 : 2;
    }

    /** Edits tolerated between a printed label and a known label no code vouches for. */
    public static int freeBudget(int length) {
        return EditDistance.ocrBudget(length);
    }

    public static int distance(String a, String b, int limit) {
        return EditDistance.within(a, b, limit);
    }
}

package reportingest.reconcile.narrative;

/** Whitespace handling shared by block building, matching and tests. */
public final class Text {
    private Text() {}

    /** Removes every whitespace character, including the full-width space and no-break spaces OCR leaves behind. */
    public static String squash(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isBlank(c)) sb.append(c);
        }
        return sb.toString();
    }

    public static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}

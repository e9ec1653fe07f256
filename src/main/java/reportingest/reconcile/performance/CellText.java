package reportingest.reconcile.performance;

import java.util.List;
import java.util.regex.Pattern;

/** Text normalisation shared by the performance readers, following the ground-truth conventions. */
final class CellText {
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{1,20}>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00A0]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?%?|[-+]?\\.\\d+%?");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：]+$");

    private CellText() {}

    /** Trimmed text without HTML tags; full-width spaces count as blank. */
    static String clean(String raw) {
        if (raw == null) return "";
        String s = HTML_TAG.matcher(raw).replaceAll("");
        return s.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
    }

    static boolean isBlank(String raw) {
        return clean(raw).isEmpty();
    }

    /** All whitespace removed: printed layout spaces carry no meaning in labels and headers. */
    static String compact(String raw) {
        return SPACE.matcher(clean(raw)).replaceAll("");
    }

    /** A row label: layout whitespace and a trailing colon removed ("项目支出：" -> 项目支出). */
    static String label(String raw) {
        return TRAILING_COLON.matcher(compact(raw)).replaceAll("");
    }

    /** A section caption: trimmed and trailing colon removed, inner spacing kept as printed. */
    static String caption(String raw) {
        return TRAILING_COLON.matcher(clean(raw)).replaceAll("").strip();
    }

    static boolean isNumeric(String raw) {
        return NUMBER.matcher(clean(raw)).matches();
    }

    /** Cell value as the truth records it: null for blank, numbers without thousands separators, text as printed. */
    static String value(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) return null;
        return NUMBER.matcher(s).matches() ? s.replace(",", "") : s;
    }

    static boolean inList(String text, List<String> words) {
        String t = label(text);
        if (t.isEmpty()) return false;
        for (String w : words) {
            if (t.equals(label(w))) return true;
        }
        return false;
    }

    static boolean endsWithColon(String raw) {
        return TRAILING_COLON.matcher(clean(raw)).find();
    }
}

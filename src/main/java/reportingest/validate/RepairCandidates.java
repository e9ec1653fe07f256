package reportingest.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The single-character changes an OCR engine typically makes to an amount, undone: any digit read
 * as another, a decimal point lost, moved or inserted. {@link #likely} says whether a digit pair is
 * a common visual confusion (0/6/8/9, 1/7, 3/8, 5/6).
 */
final class RepairCandidates {
    private static final List<String> CONFUSIONS = List.of("0689", "17", "38", "56");

    private RepairCandidates() {}

    static List<String> of(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) return List.of();
        String v = value.strip();
        boolean negative = v.startsWith("-");
        String body = negative ? v.substring(1) : v;
        if (!body.matches("\\d+(\\.\\d+)?")) return List.of();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isDigit(c)) continue;
            for (char d = '0'; d <= '9'; d++) {
                if (d != c) add(out, body.substring(0, i) + d + body.substring(i + 1));
            }
        }
        String digits = body.replace(".", "");
        int dot = body.indexOf('.');
        if (dot >= 0) add(out, digits); // point lost
        for (int p = 1; p < digits.length(); p++) {
            if (p != (dot < 0 ? -1 : dot)) add(out, digits.substring(0, p) + "." + digits.substring(p)); // moved or inserted
        }
        out.remove(body);
        List<String> list = new ArrayList<>();
        for (String s : out) list.add(negative ? "-" + s : s);
        return list;
    }

    private static void add(Set<String> out, String s) {
        // a leading zero is never printed before a digit ("05.95"), so such a reading is not a candidate
        if (s.length() > 1 && s.charAt(0) == '0' && s.charAt(1) != '.') return;
        out.add(s);
    }

    /** True when the two values differ in one digit and that pair is a common OCR confusion. */
    static boolean likely(String from, String to) {
        if (from.length() != to.length()) return false;
        for (int i = 0; i < from.length(); i++) {
            char a = from.charAt(i), b = to.charAt(i);
            if (a == b) continue;
            for (String group : CONFUSIONS) if (group.indexOf(a) >= 0 && group.indexOf(b) >= 0) return true;
            return false;
        }
        return false;
    }
}

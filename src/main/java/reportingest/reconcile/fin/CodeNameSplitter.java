package reportingest.reconcile.fin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a subject code from its name: "2080505行政单位医疗", "2080505 行政单位医疗", or a code alone
 * in its cell. Only codes whose length is one of the schema's code levels count, so amounts and
 * line numbers are never taken for codes.
 */
public final class CodeNameSplitter {
    /** {@code name} is null when the cell held the code only. */
    public record CodeName(String code, String name) {}

    private static final Pattern LEADING_CODE = Pattern.compile("^(\\d{3,9})(?![\\d.,%])\\s*(.*)$", Pattern.DOTALL);

    private CodeNameSplitter() {}

    public static CodeName split(String cell, List<Integer> levels) {
        if (cell == null) return null;
        String s = Labels.fold(cell).strip();
        Matcher m = LEADING_CODE.matcher(s);
        if (!m.matches()) return null;
        String code = m.group(1);
        if (!levels.isEmpty() && !levels.contains(code.length())) return null;
        String rest = Labels.clean(m.group(2));
        return new CodeName(code, rest == null || rest.isEmpty() ? null : rest);
    }

    public static boolean isCode(String cell, List<Integer> levels) {
        return split(cell, levels) != null;
    }
}

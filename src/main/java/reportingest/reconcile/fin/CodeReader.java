package reportingest.reconcile.fin;

import reportingest.reconcile.Flag;

import java.util.List;

/**
 * Reads subject codes row by row as grids print them: joined in one cell (2080505, possibly fused
 * with the name), split over 类 | 款 | 项 cells (208 | 05 | 05), or only the 款/项 part (05) under
 * the row above, whose code supplies the rest. A part that fits no code level, or a bare part
 * whose level the rows above do not settle, is read as best it can be and flagged PARSE_AMBIGUOUS.
 */
final class CodeReader {
    /** {@code code} null when the cells hold no code; {@code name} a name fused to a joined code. */
    record Read(String code, String name, Flag flag, String partlyRead) {
        static final Read NONE = new Read(null, null, null, null);

        Read(String code, String name, Flag flag) {
            this(code, name, flag, null);
        }
    }

    /** How a code read from parts with letters OCR confuses with digits is flagged: the row's name may vouch for it. */
    static final String CONFUSED_PARTS = "code parts printed ";

    /** The flag of a code read from confused parts ({@link #CONFUSED_PARTS}). */
    static boolean readFromConfusedParts(Flag f) {
        return Cells.LABEL_REPAIRED.equals(f.code()) && f.message().startsWith(CONFUSED_PARTS);
    }

    /** How a code of no level is flagged (22102038: a digit too many). */
    private static final String NO_LEVEL = " fits no code level ";

    /** The flag of a code whose length is no level of the code system ({@link #NO_LEVEL}). */
    static boolean ofNoLevel(Flag f) {
        return Cells.PARSE_AMBIGUOUS.equals(f.code()) && f.message().startsWith("code ") && f.message().contains(NO_LEVEL);
    }

    private final List<Integer> levels;
    private String previous;

    CodeReader(List<Integer> levels) {
        this.levels = levels;
    }

    /** Parts split over 类/款/项 cells, in that order (an absent level as null). */
    Read split(String cls, String section, String item) {
        // 款 and 项 cells hold two digits; some producers drop the leading zero (301 | 2 津贴补贴)
        String a = Labels.digitsFromConfusions(part(cls)), b = twoDigits(Labels.digitsFromConfusions(part(section))),
                c = twoDigits(Labels.digitsFromConfusions(part(item)));
        if (a == null && b == null && c == null) return Read.NONE;
        boolean confused = confused(part(cls), a) || confused(part(section), b) || confused(part(item), c);
        for (String p : new String[]{a, b, c}) {
            if (p != null && !p.matches("\\d+")) {
                // a 类 of three with one character OCR could not read (21?), nothing else printed: the rows under it
                // may tell it (CodedTableParser)
                boolean classOnly = p == a && b == null && c == null && a.length() == 3 && a.replaceAll("\\d", "").length() == 1;
                return classOnly ? new Read(null, null, null, a) : Read.NONE;
            }
        }
        String code;
        Flag flag = null;
        if (a != null && a.length() > 3 && b == null && c == null) {
            code = a; // a joined code printed in the 类 column
        } else if (a != null) {
            code = a + (b == null ? "" : b) + (c == null ? "" : c);
            if (b == null && c != null) flag = ambiguous("项 " + c + " printed without its 款");
        } else {
            // 类 (and maybe 款) left blank: the row above supplies them.
            int need = b != null ? 3 : 5;
            if (previous == null || previous.length() < need) {
                code = (b == null ? "" : b) + (c == null ? "" : c);
                flag = ambiguous("code part '" + code + "' printed without the 类/款 it belongs to");
            } else {
                code = previous.substring(0, need) + (b == null ? "" : b) + (c == null ? "" : c);
            }
        }
        if (flag == null && !levels.isEmpty() && !levels.contains(code.length())) {
            flag = ambiguous("code " + code + NO_LEVEL + levels);
        }
        if (flag == null && confused) {
            flag = Flag.of(Cells.LABEL_REPAIRED, CONFUSED_PARTS + "'" + String.join(" | ", java.util.Arrays.asList(cls, section, item).stream()
                    .map(p -> p == null ? "" : p.strip()).toList()) + "' read as " + code + " (letters OCR confuses with digits)");
        }
        previous = code;
        return new Read(code, null, flag);
    }

    /** A code printed in one cell, possibly fused with its name, or only its last part. */
    Read joined(String cell) {
        if (Labels.blank(cell)) return Read.NONE;
        CodeNameSplitter.CodeName cn = CodeNameSplitter.split(cell, levels);
        if (cn != null) {
            previous = cn.code();
            return new Read(cn.code(), cn.name(), null);
        }
        String k = Labels.key(cell);
        if (!k.matches("\\d+")) return Read.NONE;
        if (k.length() == 2) {
            // Only the 款 or 项 part: under a 类 it is a 款, under a 款 a 项; under a 项 it may be
            // either a sibling 项 or a new 款 of the same 类.
            if (previous != null && previous.length() == 3) return remember(previous + k, null);
            if (previous != null && previous.length() == 5) return remember(previous + k, null);
            if (previous != null && previous.length() == 7) {
                String code = previous.substring(0, 5) + k;
                return remember(code, ambiguous("'" + k + "' under " + previous + " read as the 项 " + code
                        + "; it could be the 款 " + previous.substring(0, 3) + k));
            }
        }
        return remember(k, ambiguous("code '" + k + "'" + NO_LEVEL + levels + " under the rows above"));
    }

    private Read remember(String code, Flag flag) {
        previous = code;
        return new Read(code, null, flag);
    }

    private static String part(String s) {
        if (Labels.blank(s)) return null;
        // a mark OCR read beside the digits (，06, 02:, 208.) is no part of a code
        String k = Labels.key(s).replaceAll("^[，,.。:：;；、'\"‘’“”`·]+|[，,.。:：;；、'\"‘’“”`·]+$", "");
        if (k.isEmpty()) return null;
        if (k.equals("类") || k.equals("款") || k.equals("项")) return null;
        return k;
    }

    private static boolean confused(String printed, String read) {
        return printed != null && read != null && !printed.equals(read) && !("0" + printed).equals(read);
    }

    private static String twoDigits(String p) {
        return p != null && p.matches("\\d") ? "0" + p : p;
    }

    private static Flag ambiguous(String why) {
        return Flag.of(Cells.PARSE_AMBIGUOUS, why);
    }
}

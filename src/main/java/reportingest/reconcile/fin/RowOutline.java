package reportingest.reconcile.fin;

import reportingest.catalog.LabelCatalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outline level of each row of a table that prints no subject codes (a government book's 明细表: 类 flush left,
 * 款 indented, 项 indented further), from what the rows print, in this order: a printed code (3/5/7 digits: 1/2/3);
 * a total line (合计, 总计) first or last in the table (0; a 合计 line inside it, 一、一般债券合计 over its 小计 lines, is
 * placed like any other); a (类)/(款)/(项) suffix (1/2/3); the indentation of the label's first line, ranked among the indentations the table's labels use (the shallowest 1); where the labels print no
 * indentation, the standard subject names (catalog/subject-codes.tsv) that name one level only, when they name nearly
 * every row; a "其中：" line under the line above it. A row none of these places has no level.
 */
public final class RowOutline {
    /** A row as the outline sees it: its label, printed code (or null) and the x of its label's first line (or null). */
    public record Line(String label, String code, Double indent) {}

    /** Indentations closer than this (points) are one. */
    static final double SAME_INDENT = 2.0;
    /** An indentation used by fewer rows than this share of the labelled rows (a centred title, a stray word) is no level. */
    private static final double MIN_SHARE = 0.01;
    /** Subject names place the rows only when they name at least this share of them. */
    private static final double NAMED_SHARE = 0.9;
    /** More indentations than this (类, 款, 项 and one below) are labels set freely (centred, wrapped), not an outline. */
    private static final int MAX_STEPS = 4;
    private static final Pattern TOTAL = Pattern.compile(".*(合计|总计)");
    private static final Pattern SUFFIX = Pattern.compile(".*[（(]([类款项])[)）]");
    private static final Pattern PART_OF = Pattern.compile("^其中[:：]?.*");

    private RowOutline() {}

    /** Level per line (null where none can be told); all null when the rows show no outline. */
    public static List<Integer> levels(List<Line> lines, Map<String, Set<Integer>> subjectLevels) {
        List<Integer> out = new ArrayList<>();
        List<Integer> open = new ArrayList<>(); // rows the printed marks do not place
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String k = l.label() == null ? "" : Labels.key(l.label());
            Integer level = null;
            if (l.code() != null && l.code().length() % 2 == 1) level = (l.code().length() - 1) / 2 + 1;
            else if (k.isEmpty() || PART_OF.matcher(k).matches()) level = null; // 其中 lines: placed after the others
            else if (TOTAL.matcher(k).matches() && (i == firstLabel(lines) || i == lastLabel(lines))) level = 0;
            else if (SUFFIX.matcher(k).matches()) level = switch (SUFFIX.matcher(k).replaceFirst("$1")) {
                case "类" -> 1;
                case "款" -> 2;
                default -> 3;
            };
            else if (!PART_OF.matcher(k).matches()) open.add(i);
            out.add(level);
        }
        if (!open.isEmpty()) placeOpen(lines, open, out, subjectLevels);
        partsUnderTheLineAbove(lines, out);
        return out;
    }

    /**
     * A "其中：" line opens a list under the line above it: it takes the level of the line after it when that is deeper
     * than the line above (专项收入 / 其中：教育费附加收入 / 地方教育附加 …: the list's first item), else one level under
     * the line above. Its own indentation is no guide: the marker sits at the margin.
     */
    private static void partsUnderTheLineAbove(List<Line> lines, List<Integer> out) {
        for (int i = 0; i < lines.size(); i++) {
            if (!partOf(lines.get(i).label()) || out.get(i) != null) continue;
            Integer above = null, below = null;
            for (int j = i - 1; j >= 0 && above == null; j--) if (!partOf(lines.get(j).label())) above = out.get(j);
            for (int j = i + 1; j < lines.size() && below == null; j++) if (!partOf(lines.get(j).label())) below = out.get(j);
            if (above == null) continue;
            out.set(i, below != null && below > above ? below : above + 1);
        }
    }

    private static void placeOpen(List<Line> lines, List<Integer> open, List<Integer> out, Map<String, Set<Integer>> subjectLevels) {
        List<Double> steps = indentSteps(lines, open);
        if (steps.size() > MAX_STEPS) return; // labels set at many places (centred project names) are no outline
        if (steps.size() >= 2) {
            for (int i : open) {
                Double x = lines.get(i).indent();
                if (x == null) continue;
                for (int s = 0; s < steps.size(); s++) if (Math.abs(steps.get(s) - x) <= SAME_INDENT) out.set(i, s + 1);
            }
            return;
        }
        // no indentation: the standard names, when they place nearly every row
        Map<Integer, Integer> named = new HashMap<>();
        for (int i : open) {
            Set<Integer> ls = subjectLevels.getOrDefault(Labels.key(lines.get(i).label()), Set.of());
            if (ls.size() == 1) named.put(i, ls.iterator().next());
        }
        if (named.size() >= NAMED_SHARE * open.size() && named.size() >= 2) named.forEach(out::set);
    }

    private static int firstLabel(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).label() != null && !Labels.key(lines.get(i).label()).isEmpty()) return i;
        return -1;
    }

    private static int lastLabel(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) if (lines.get(i).label() != null && !Labels.key(lines.get(i).label()).isEmpty()) return i;
        return -1;
    }

    /** A "其中：" line: the lines it opens break its parent down, perhaps in part. */
    public static boolean partOf(String label) {
        return label != null && PART_OF.matcher(Labels.key(label)).matches();
    }

    /** The distinct indentations of the open rows' labels, shallowest first, each used by enough rows to be a level. */
    private static List<Double> indentSteps(List<Line> lines, List<Integer> open) {
        List<Double> xs = new ArrayList<>();
        for (int i : open) if (lines.get(i).indent() != null) xs.add(lines.get(i).indent());
        xs.sort(Double::compare);
        List<Double> steps = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (double x : xs) {
            int last = steps.size() - 1;
            if (last >= 0 && x - steps.get(last) <= SAME_INDENT) counts.set(last, counts.get(last) + 1);
            else { steps.add(x); counts.add(1); }
        }
        List<Double> kept = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) if (counts.get(s) >= Math.max(2, MIN_SHARE * xs.size())) kept.add(steps.get(s));
        return kept;
    }

    /** Each standard function-subject name with the levels (1 类, 2 款, 3 项) its codes have. */
    public static Map<String, Set<Integer>> subjectLevels(LabelCatalog catalog) {
        Map<String, Set<Integer>> out = new HashMap<>();
        catalog.codes("function").forEach((code, names) -> {
            if (code.length() % 2 == 0) return;
            for (String n : names) out.computeIfAbsent(Labels.key(n), k -> new HashSet<>()).add((code.length() - 1) / 2 + 1);
        });
        return out;
    }
}

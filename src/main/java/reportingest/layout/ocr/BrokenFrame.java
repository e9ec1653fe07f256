package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outer rules of a scanned table's frame, where the scan kept only pieces of them. A faint or broken
 * border (JPEG, level compression, a rule near the paper's edge) is found only in parts, so cells exist beside
 * those parts alone, and the label column's text elsewhere falls in no cell: it is neither read again nor put
 * in the table. Two cases are closed, each on the evidence of rules that were found:
 * <ul>
 * <li>a side: at least {@link #MIN_ROWS} row rules end at one x and a piece of a column rule stands there
 *     between them: that side is drawn whole, from the first of those row rules to the last;</li>
 * <li>the top or bottom: a column rule crossing at least {@link #MIN_ROWS} row rules runs on past the first
 *     (last) row rule of its column: a header row's lost top (or a last row's lost bottom) rule is drawn at the
 *     column rule's end, as wide as the row rule it passed.</li>
 * </ul>
 * An open-sided table (no piece of a side rule anywhere) stays open. The rules added are only for finding
 * cells: the image is not changed.
 */
final class BrokenFrame {
    /** Row rules that must share an end (or a column rule must cross) before it counts as a frame. */
    static final int MIN_ROWS = 3;

    private BrokenFrame() {}

    static List<LineSegment> closed(List<LineSegment> lines, int dpi) {
        int tolerance = Math.max(2, (int) Math.round(3.0 * dpi / 72));
        int minRow = Math.max(3, (int) Math.round(6.0 * dpi / 72));
        List<LineSegment> horizontal = lines.stream().filter(LineSegment::horizontal).toList();
        List<LineSegment> vertical = lines.stream().filter(l -> !l.horizontal()).toList();
        int thick = Math.max(2, lines.stream().mapToInt(LineSegment::thickness).sorted().skip(lines.size() / 2).findFirst().orElse(2));
        List<LineSegment> added = new ArrayList<>();
        closeTopAndBottom(horizontal, vertical, tolerance, minRow, thick, added);
        List<LineSegment> rows = new ArrayList<>(horizontal);
        rows.addAll(added);
        for (boolean left : new boolean[]{true, false}) {
            List<LineSegment> pending = new ArrayList<>(rows);
            while (!pending.isEmpty()) {
                int edge = end(pending.get(0), left);
                List<LineSegment> sameEnd = pending.stream().filter(h -> Math.abs(end(h, left) - edge) <= tolerance).toList();
                pending.removeAll(sameEnd);
                for (List<LineSegment> same : oneTableEach(sameEnd)) closeSide(same, vertical, left, tolerance, thick, added);
            }
        }
        if (added.isEmpty()) return lines;
        List<LineSegment> out = new ArrayList<>(lines);
        out.addAll(added);
        return out;
    }

    private static void closeSide(List<LineSegment> same, List<LineSegment> vertical, boolean left, int tolerance, int thick,
                                  List<LineSegment> added) {
        if (same.size() < MIN_ROWS) return;
        int top = same.stream().mapToInt(LineSegment::y0).min().orElseThrow();
        int bottom = same.stream().mapToInt(LineSegment::y1).max().orElseThrow();
        int x = (int) Math.round(same.stream().mapToInt(h -> end(h, left)).average().orElseThrow());
        boolean piece = false, whole = false;
        for (LineSegment v : vertical) {
            if (Math.abs((v.x0() + v.x1()) / 2 - x) > tolerance || v.y1() <= top || v.y0() >= bottom) continue;
            piece = true;
            whole |= v.y0() <= top + tolerance && v.y1() >= bottom - tolerance;
        }
        int x0 = left ? x : x - thick + 1;
        if (piece && !whole) added.add(new LineSegment(false, x0, top, x0 + thick - 1, bottom));
    }

    private static void closeTopAndBottom(List<LineSegment> horizontal, List<LineSegment> vertical, int tolerance, int minRow,
                                          int thick, List<LineSegment> added) {
        List<LineSegment> rows = new ArrayList<>();
        for (LineSegment v : vertical) {
            int x = (v.x0() + v.x1()) / 2;
            List<LineSegment> across = horizontal.stream().filter(h -> h.x0() - tolerance <= x && x <= h.x1() + tolerance).toList();
            if (across.stream().filter(h -> h.y0() >= v.y0() - tolerance && h.y1() <= v.y1() + tolerance).count() < MIN_ROWS) continue;
            // the first and last row rules of the whole column, not of this rule's piece (a broken border's part)
            LineSegment first = across.stream().min(Comparator.comparingInt(LineSegment::y0)).orElseThrow();
            LineSegment last = across.stream().max(Comparator.comparingInt(LineSegment::y1)).orElseThrow();
            if (first.y0() - v.y0() > minRow) add(rows, new LineSegment(true, first.x0(), v.y0(), first.x1(), v.y0() + thick - 1), tolerance);
            if (v.y1() - last.y1() > minRow) add(rows, new LineSegment(true, last.x0(), v.y1() - thick + 1, last.x1(), v.y1()), tolerance);
        }
        added.addAll(rows);
    }

    private static void add(List<LineSegment> rows, LineSegment r, int tolerance) {
        if (rows.stream().noneMatch(a -> Math.abs(a.y0() - r.y0()) <= tolerance && Math.abs(a.x0() - r.x0()) <= tolerance)) rows.add(r);
    }

    /** Row rules of one edge, split where a gap far wider than the rows between them parts two tables. */
    private static List<List<LineSegment>> oneTableEach(List<LineSegment> sameEnd) {
        List<LineSegment> sorted = new ArrayList<>(sameEnd);
        sorted.sort(Comparator.comparingInt(LineSegment::y0));
        List<List<LineSegment>> out = new ArrayList<>();
        if (sorted.isEmpty()) return out;
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) gaps.add(sorted.get(i).y0() - sorted.get(i - 1).y0());
        int median = gaps.isEmpty() ? 0 : gaps.stream().sorted().toList().get(gaps.size() / 2);
        List<LineSegment> run = new ArrayList<>(List.of(sorted.get(0)));
        for (int i = 1; i < sorted.size(); i++) {
            if (gaps.get(i - 1) > 4 * median) {
                out.add(run);
                run = new ArrayList<>();
            }
            run.add(sorted.get(i));
        }
        out.add(run);
        return out;
    }

    private static int end(LineSegment h, boolean left) {
        return left ? h.x0() : h.x1();
    }
}

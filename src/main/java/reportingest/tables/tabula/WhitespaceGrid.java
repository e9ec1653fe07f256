package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An unruled (whitespace-only) table laid out as a full grid, like a lattice table, so that the
 * grid reconciler can place every value by its header.
 * <p>
 * Columns come from the body first: the x-extents of body words, merged where they overlap, are
 * the columns that print something (right-aligned amounts of one column share their right edge
 * and overlap; left-aligned codes and names share their left edge). Header words under which no
 * body word prints add the empty columns. Tabula's stream guesses columns from every line alike,
 * which splits centred header words into columns of their own and merges empty columns away.
 * <p>
 * Each header line is a grid row; a header word over several columns is a spanning cell and
 * sits at the leftmost of them (the grid's convention); a header text wrapped over two tight
 * lines in one column is one cell.
 */
final class WhitespaceGrid {
    private static final Pattern NUMBER = Pattern.compile("^[-+(（]?[0-9０-９][0-9０-９,，.．]*[)）%]?$");
    /** Wrapped lines of one cell are closer than this share of a line height (rows are further apart). */
    private static final double WRAP_GAP = 0.35;

    private WhitespaceGrid() {}

    /** The table printed on {@code lines} (top to bottom), or null when it has fewer than two columns. */
    static Fragment build(Page page, List<TextLine> lines) {
        if (lines.isEmpty()) return null;
        int bodyStart = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).words().stream().anyMatch(w -> NUMBER.matcher(w.text().strip()).matches())) {
                bodyStart = i;
                break;
            }
        }
        // An empty table prints no number: its last line (合计 or the like) is its body.
        if (bodyStart == lines.size()) bodyStart = lines.size() - 1;

        List<double[]> cols = new ArrayList<>();
        for (int i = bodyStart; i < lines.size(); i++) for (Word w : lines.get(i).words()) addSpan(cols, w);
        merge(cols);
        // Header words under which nothing prints are empty columns; lower lines first, since the
        // leaves of a multi-level header are its lowest texts and their parents span them.
        for (int i = bodyStart - 1; i >= 0; i--) {
            for (Word w : lines.get(i).words()) {
                if (overlapping(cols, w).isEmpty()) cols.add(new double[] {w.bbox().x(), w.bbox().right()});
            }
            cols.sort(Comparator.comparingDouble(c -> c[0]));
        }
        merge(cols);
        int width = cols.size();
        if (width < 2) return null;

        // Separators halfway between neighbouring columns: the cell boxes of the grid.
        double[] edge = new double[width + 1];
        double x0 = cols.get(0)[0], x1 = cols.get(width - 1)[1];
        edge[0] = x0;
        edge[width] = x1;
        for (int j = 1; j < width; j++) edge[j] = (cols.get(j - 1)[1] + cols.get(j)[0]) / 2;

        List<RawRow> rows = new ArrayList<>();
        double top = top(lines.get(0)), bottom = bottom(lines.get(lines.size() - 1));
        // Header rows: wrapped continuation words join the cell above them in the same column.
        List<List<List<Word>>> header = new ArrayList<>();
        List<TextLine> headerLines = lines.subList(0, bodyStart);
        for (TextLine l : headerLines) header.add(emptyRow(width));
        for (int i = 0; i < headerLines.size(); i++) {
            for (Word w : headerLines.get(i).words()) {
                List<Integer> over = overlapping(cols, w);
                int c = over.isEmpty() ? nearest(cols, w) : over.get(0);
                int target = i;
                if (over.size() <= 1) {
                    for (int k = i - 1; k >= 0; k--) {
                        List<Word> above = header.get(k).get(c);
                        if (above.isEmpty()) continue;
                        Word a = above.get(above.size() - 1);
                        double gap = w.bbox().y() - a.bbox().bottom();
                        if (gap < WRAP_GAP * w.bbox().height() && centred(a, w)) target = k;
                        break;
                    }
                }
                header.get(target).get(c).add(w);
            }
        }
        for (int i = 0; i < headerLines.size(); i++) {
            boolean any = header.get(i).stream().anyMatch(ws -> !ws.isEmpty());
            if (any) rows.add(row(page, header.get(i), edge, headerLines.get(i)));
        }
        for (int i = bodyStart; i < lines.size(); i++) {
            List<List<Word>> cells = emptyRow(width);
            for (Word w : lines.get(i).words()) {
                List<Integer> over = overlapping(cols, w);
                int c = over.isEmpty() ? nearest(cols, w) : over.get(0);
                cells.get(c).add(w);
            }
            rows.add(row(page, cells, edge, lines.get(i)));
        }
        List<Double> lefts = new ArrayList<>();
        for (int j = 0; j < width; j++) lefts.add(edge[j]);
        BBox box = new BBox(x0, top, x1 - x0, bottom - top);
        return new Fragment(page.number(), box, lefts, rows, Caption.NONE, false, false, false);
    }

    private static RawRow row(Page page, List<List<Word>> cells, double[] edge, TextLine line) {
        double y = top(line), h = bottom(line) - y;
        List<RawCell> out = new ArrayList<>();
        for (int j = 0; j < cells.size(); j++) {
            List<Word> ws = cells.get(j);
            ws.sort(Comparator.comparingDouble((Word w) -> w.bbox().y()).thenComparingDouble(w -> w.bbox().x()));
            double conf = ws.stream().mapToDouble(Word::confidence).min().orElse(100.0);
            out.add(new RawCell(CellText.join(ws), page.number(), new BBox(edge[j], y, edge[j + 1] - edge[j], h),
                    conf, page.origin()));
        }
        return new RawRow(out);
    }

    /** A wrapped continuation sits under its first line: centred cells share the centre, left-aligned ones the left edge. */
    private static boolean centred(Word a, Word b) {
        double tol = a.bbox().height();
        double ca = a.bbox().x() + a.bbox().width() / 2, cb = b.bbox().x() + b.bbox().width() / 2;
        return Math.abs(ca - cb) <= tol || Math.abs(a.bbox().x() - b.bbox().x()) <= tol;
    }

    private static List<List<Word>> emptyRow(int width) {
        List<List<Word>> r = new ArrayList<>();
        for (int j = 0; j < width; j++) r.add(new ArrayList<>());
        return r;
    }

    private static void addSpan(List<double[]> cols, Word w) {
        if (w.text().isBlank()) return;
        cols.add(new double[] {w.bbox().x(), w.bbox().right()});
    }

    /** Overlapping spans become one column. */
    private static void merge(List<double[]> cols) {
        cols.sort(Comparator.comparingDouble(c -> c[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] c : cols) {
            if (!out.isEmpty() && c[0] < out.get(out.size() - 1)[1]) {
                double[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], c[1]);
            } else {
                out.add(new double[] {c[0], c[1]});
            }
        }
        cols.clear();
        cols.addAll(out);
    }

    private static List<Integer> overlapping(List<double[]> cols, Word w) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            if (w.bbox().x() < cols.get(j)[1] && w.bbox().right() > cols.get(j)[0]) out.add(j);
        }
        return out;
    }

    private static int nearest(List<double[]> cols, Word w) {
        double cx = w.bbox().x() + w.bbox().width() / 2;
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int j = 0; j < cols.size(); j++) {
            double d = cx < cols.get(j)[0] ? cols.get(j)[0] - cx : cx > cols.get(j)[1] ? cx - cols.get(j)[1] : 0;
            if (d < bd) { bd = d; best = j; }
        }
        return best;
    }

    private static double top(TextLine l) { return l.words().stream().mapToDouble(w -> w.bbox().y()).min().orElse(0); }
    private static double bottom(TextLine l) { return l.words().stream().mapToDouble(w -> w.bbox().bottom()).max().orElse(0); }
}

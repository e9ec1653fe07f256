package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.BBox;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import technology.tabula.Cell;
import technology.tabula.Rectangle;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the tables of one page: Tabula's lattice (cells from the ruling lines) where the page has
 * rulings, our whitespace grid ({@link WhitespaceGrid}) where it has none or lattice finds nothing.
 * Lattice cells take their text from our own words (by the word's centre), so that fullwidth
 * punctuation survives (Tabula's own text is NFKC-normalised) and a cell's wrapped lines are one
 * text. Rows come out as full grids: spanned and empty positions are empty cells with the box of
 * their grid position.
 */
final class PageTables {
    /** Stream tables on pages without rulings must look like tables, not paragraphs. */
    private static final int MIN_STREAM_ROWS = 3;
    private static final Pattern NUMBER = Pattern.compile("^[-+(（]?[0-9０-９][0-9０-９,，.．]*[)）%]?$");

    private PageTables() {}

    /** The page's tables, top to bottom, without captions. */
    static List<Fragment> find(Page page) {
        if (page.lines().isEmpty()) return List.of();
        TabulaPages.Built built = TabulaPages.of(page);
        List<Fragment> found = new ArrayList<>();
        if (!page.rulings().isEmpty()) {
            // Tabula's lattice steps (snapped, collapsed rulings; cells; table areas), laid out by LatticeGrid.
            technology.tabula.Page tp = built.page();
            List<Cell> cells = SpreadsheetExtractionAlgorithm.findCells(tp.getHorizontalRulings(), tp.getVerticalRulings());
            for (Rectangle area : SpreadsheetExtractionAlgorithm.findSpreadsheetsFromCells(cells)) {
                Fragment f = LatticeGrid.build(page, area, cells);
                if (f != null && f.columnLefts().size() >= 2 && !f.rows().isEmpty()) found.add(f);
            }
            List<Fragment> widened = new ArrayList<>();
            for (Fragment f : found) widened.add(withColumnsBeside(page, f, found));
            found = joinParts(page, widened);
        }
        if (found.isEmpty()) {
            // Unruled: our own whitespace grid (columns from body words and header leaves), not
            // Tabula stream, whose columns come from every line alike and lose empty columns.
            for (List<TextLine> lines : StreamAreas.tables(page)) {
                Fragment f = WhitespaceGrid.build(page, lines);
                // a table's last lines spilled onto this page are kept for the stitcher to join (or to stand alone)
                if (f != null && (looksTabular(f) || StreamAreas.spill(lines))) found.add(f);
            }
        }
        found.sort(Comparator.comparingDouble(f -> f.box().y()));
        List<Fragment> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Fragment f = found.get(i);
            out.add(new Fragment(f.page(), f.box(), f.columnLefts(), f.rows(), f.caption(), f.lattice(),
                    i == 0, i == found.size() - 1));
        }
        return out;
    }

    /**
     * A table ruled only in part: the rulings box its figures, while the row labels on the left (项目, 序号 | 项目名称)
     * and a column on the right (经费支出决算数为调整预算数％, 债券规模) stand outside, unruled, level with its rows.
     * Such words, outside every ruled box and level with no other ruled table, become a first and a last column, each
     * row taking the words within its band; a side with words on fewer than {@link #BESIDE_ROWS} rows is left alone.
     */
    static Fragment withColumnsBeside(Page page, Fragment f, List<Fragment> lattice) {
        List<RawRow> rows = f.rows();
        int n = rows.size();
        double[] top = new double[n], bottom = new double[n];
        for (int r = 0; r < n; r++) {
            top[r] = Double.MAX_VALUE;
            bottom[r] = -Double.MAX_VALUE;
            for (RawCell c : rows.get(r).cells()) {
                top[r] = Math.min(top[r], c.bbox().y());
                bottom[r] = Math.max(bottom[r], c.bbox().bottom());
            }
        }
        List<List<Word>> left = new ArrayList<>(), right = new ArrayList<>();
        for (int r = 0; r < n; r++) { left.add(new ArrayList<>()); right.add(new ArrayList<>()); }
        for (TextLine l : page.lines()) {
            for (Word w : l.words()) {
                if (w.text().isBlank()) continue;
                double cx = w.bbox().x() + w.bbox().width() / 2, cy = w.bbox().y() + w.bbox().height() / 2;
                if (cy < f.box().y() || cy > f.box().bottom()) continue;
                boolean elsewhere = false;
                for (Fragment g : lattice) {
                    boolean inG = cx >= g.box().x() && cx <= g.box().right() && cy >= g.box().y() && cy <= g.box().bottom();
                    boolean levelWithOther = g != f && cy >= g.box().y() && cy <= g.box().bottom();
                    if (inG || levelWithOther) elsewhere = true;
                }
                if (elsewhere) continue;
                for (int r = 0; r < n; r++) {
                    if (cy < top[r] || cy > bottom[r]) continue;
                    (cx < f.box().x() ? left : right).get(r).add(w);
                    break;
                }
            }
        }
        boolean addLeft = left.stream().filter(ws -> !ws.isEmpty()).count() >= BESIDE_ROWS;
        boolean addRight = right.stream().filter(ws -> !ws.isEmpty()).count() >= BESIDE_ROWS;
        if (!addLeft && !addRight) return f;
        double x0 = f.box().x(), x1 = f.box().right();
        double leftEdge = x0, rightEdge = x1;
        for (int r = 0; r < n; r++) {
            for (Word w : left.get(r)) leftEdge = Math.min(leftEdge, w.bbox().x());
            for (Word w : right.get(r)) rightEdge = Math.max(rightEdge, w.bbox().right());
        }
        // the header rows (above the first figure) hold one wrapped header text per side column: it goes to the first
        int header = 0;
        while (header < n && rows.get(header).cells().stream().noneMatch(c -> NUMBER.matcher(c.text().strip()).matches())) header++;
        if (header > 1 && header < n) {
            for (List<List<Word>> side : List.of(left, right)) {
                for (int r = 1; r < header; r++) {
                    side.get(0).addAll(side.get(r));
                    side.get(r).clear();
                }
            }
        }
        List<RawRow> out = new ArrayList<>();
        RawCell any = rows.get(0).cells().get(0);
        for (int r = 0; r < n; r++) {
            List<RawCell> cells = new ArrayList<>();
            if (addLeft) cells.add(cell(left.get(r), any, leftEdge, top[r], x0 - leftEdge, bottom[r] - top[r]));
            cells.addAll(rows.get(r).cells());
            if (addRight) cells.add(cell(right.get(r), any, x1, top[r], rightEdge - x1, bottom[r] - top[r]));
            out.add(new RawRow(cells));
        }
        List<Double> lefts = new ArrayList<>();
        if (addLeft) lefts.add(leftEdge);
        lefts.addAll(f.columnLefts());
        if (addRight) lefts.add(x1);
        BBox box = new BBox(leftEdge, f.box().y(), rightEdge - leftEdge, f.box().height());
        return new Fragment(f.page(), box, lefts, out, f.caption(), f.lattice(), f.firstOnPage(), f.lastOnPage());
    }

    private static final Pattern SENTENCE = Pattern.compile("[，。；,;:：]");

    /**
     * One table ruled in parts: a list whose total and subtotal lines (总计 1216.00, 一、一般债券合计 168.00, （一）市级项目小计
     * 97.00) are printed across the columns without cell rules, so that the rulings make a ruled box above and below each
     * such line (and its header a box of its own). Two boxes stacked on a page are one table when every line between them
     * is such a row (a label, then one figure under the lower box's last column; no colon, no sentence) and the upper box
     * has the lower one's columns or is a header over them (no figure, within its width). The lines between become rows
     * over the lower box's columns, and a header box's rows take the words level with them there (a 项目名称 or 债券规模
     * printed outside its rules).
     */
    static List<Fragment> joinParts(Page page, List<Fragment> fragments) {
        List<Fragment> out = new ArrayList<>(fragments);
        out.sort(Comparator.comparingDouble(f -> f.box().y()));
        for (int i = 0; i + 1 < out.size(); ) {
            Fragment joined = join(page, out.get(i), out.get(i + 1));
            if (joined == null) { i++; continue; }
            out.set(i, joined);
            out.remove(i + 1);
        }
        return out;
    }

    private static Fragment join(Page page, Fragment upper, Fragment lower) {
        if (!upper.lattice() || !lower.lattice() || lower.rows().isEmpty() || upper.rows().isEmpty()) return null;
        int width = lower.rows().get(0).cells().size();
        if (width < 2 || lower.rows().stream().anyMatch(r -> r.cells().size() != width)) return null;
        double[] x0 = new double[width], x1 = new double[width];
        java.util.Arrays.fill(x0, Double.MAX_VALUE);
        java.util.Arrays.fill(x1, -Double.MAX_VALUE);
        for (RawRow r : lower.rows()) {
            for (int j = 0; j < width; j++) {
                x0[j] = Math.min(x0[j], r.cells().get(j).bbox().x());
                x1[j] = Math.max(x1[j], r.cells().get(j).bbox().right());
            }
        }
        double tol = 4.0;
        boolean header = upper.rows().stream().allMatch(r -> r.cells().stream().noneMatch(c -> NUMBER.matcher(c.text().strip()).matches()));
        boolean within = upper.box().x() >= lower.box().x() - tol && upper.box().right() <= lower.box().right() + tol;
        if (!(header && within) && Stitcher.columnMap(upper, lower) == null) return null;
        List<TextLine> between = new ArrayList<>();
        for (TextLine l : page.lines()) {
            if (l.words().isEmpty()) continue;
            double cy = centreY(l);
            if (cy > upper.box().bottom() && cy < lower.box().y()) between.add(l);
        }
        if (between.isEmpty()) return null;
        for (TextLine l : between) {
            List<Word> ws = l.words();
            Word last = ws.get(ws.size() - 1);
            double cx = last.bbox().x() + last.bbox().width() / 2;
            if (ws.size() < 2 || !NUMBER.matcher(last.text().strip()).matches() || cx < x0[width - 1] - tol || cx > x1[width - 1] + tol) return null;
            if (SENTENCE.matcher(l.text()).find()) return null;
        }
        RawCell like = lower.rows().get(0).cells().get(0);
        List<RawRow> rows = new ArrayList<>();
        for (RawRow r : upper.rows()) {
            if (!header) { rows.add(remap(r, x0, x1, like)); continue; }
            double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
            for (RawCell c : r.cells()) { top = Math.min(top, c.bbox().y()); bottom = Math.max(bottom, c.bbox().bottom()); }
            List<Word> ws = new ArrayList<>();
            for (TextLine l : page.lines()) {
                for (Word w : l.words()) {
                    double cy = w.bbox().y() + w.bbox().height() / 2, cx = w.bbox().x() + w.bbox().width() / 2;
                    if (cy >= top && cy <= bottom && cx >= x0[0] - tol && cx <= x1[width - 1] + tol && !w.text().isBlank()) ws.add(w);
                }
            }
            rows.add(fromWords(ws, x0, x1, top, bottom - top, like));
        }
        for (TextLine l : between) {
            double top = l.words().stream().mapToDouble(w -> w.bbox().y()).min().orElse(0);
            double bottom = l.words().stream().mapToDouble(w -> w.bbox().bottom()).max().orElse(0);
            rows.add(fromWords(l.words(), x0, x1, top, bottom - top, like));
        }
        rows.addAll(lower.rows());
        double bx0 = Math.min(upper.box().x(), lower.box().x()), bx1 = Math.max(upper.box().right(), lower.box().right());
        BBox box = new BBox(bx0, upper.box().y(), bx1 - bx0, lower.box().bottom() - upper.box().y());
        return new Fragment(lower.page(), box, lower.columnLefts(), rows, upper.caption(), true, upper.firstOnPage(), lower.lastOnPage());
    }

    private static double centreY(TextLine l) {
        double top = l.words().stream().mapToDouble(w -> w.bbox().y()).min().orElse(0);
        double bottom = l.words().stream().mapToDouble(w -> w.bbox().bottom()).max().orElse(0);
        return (top + bottom) / 2;
    }

    /** The column whose span holds x, else the nearest. */
    private static int column(double x, double[] x0, double[] x1) {
        int best = 0;
        double dist = Double.MAX_VALUE;
        for (int j = 0; j < x0.length; j++) {
            if (x >= x0[j] && x <= x1[j]) return j;
            double d = Math.min(Math.abs(x - x0[j]), Math.abs(x - x1[j]));
            if (d < dist) { dist = d; best = j; }
        }
        return best;
    }

    private static RawRow fromWords(List<Word> words, double[] x0, double[] x1, double y, double h, RawCell like) {
        List<List<Word>> per = new ArrayList<>();
        for (int j = 0; j < x0.length; j++) per.add(new ArrayList<>());
        for (Word w : words) {
            if (w.text().isBlank()) continue;
            per.get(column(w.bbox().x() + w.bbox().width() / 2, x0, x1)).add(w);
        }
        List<RawCell> cells = new ArrayList<>();
        for (int j = 0; j < x0.length; j++) cells.add(cell(per.get(j), like, x0[j], y, x1[j] - x0[j], h));
        return new RawRow(cells);
    }

    /** A row of the upper part over the lower part's columns (by each cell's centre). */
    private static RawRow remap(RawRow r, double[] x0, double[] x1, RawCell like) {
        List<List<RawCell>> per = new ArrayList<>();
        for (int j = 0; j < x0.length; j++) per.add(new ArrayList<>());
        double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (RawCell c : r.cells()) {
            top = Math.min(top, c.bbox().y());
            bottom = Math.max(bottom, c.bbox().bottom());
            if (!c.text().isBlank()) per.get(column(c.bbox().x() + c.bbox().width() / 2, x0, x1)).add(c);
        }
        List<RawCell> cells = new ArrayList<>();
        for (int j = 0; j < x0.length; j++) {
            List<RawCell> cs = per.get(j);
            if (cs.isEmpty()) { cells.add(new RawCell("", like.page(), new BBox(x0[j], top, x1[j] - x0[j], bottom - top), 100.0, like.origin())); continue; }
            if (cs.size() == 1) { cells.add(cs.get(0)); continue; }
            StringBuilder t = new StringBuilder();
            double a = Double.MAX_VALUE, b = Double.MAX_VALUE, c2 = -Double.MAX_VALUE, d = -Double.MAX_VALUE, conf = 100;
            for (RawCell c : cs) {
                t.append(c.text().strip());
                a = Math.min(a, c.bbox().x()); b = Math.min(b, c.bbox().y());
                c2 = Math.max(c2, c.bbox().right()); d = Math.max(d, c.bbox().bottom());
                conf = Math.min(conf, c.confidence());
            }
            cells.add(new RawCell(t.toString(), like.page(), new BBox(a, b, c2 - a, d - b), conf, like.origin()));
        }
        return new RawRow(cells);
    }

    /** Rows of a ruled table that must have words beside its box for them to be read as a column. */
    private static final int BESIDE_ROWS = 2;

    private static RawCell cell(List<Word> words, RawCell like, double x, double y, double w, double h) {
        if (words.isEmpty()) return new RawCell("", like.page(), new BBox(x, y, w, h), 100.0, like.origin());
        double bx0 = Double.MAX_VALUE, by0 = Double.MAX_VALUE, bx1 = -Double.MAX_VALUE, by1 = -Double.MAX_VALUE;
        double conf = 100.0;
        for (Word word : words) {
            bx0 = Math.min(bx0, word.bbox().x());
            by0 = Math.min(by0, word.bbox().y());
            bx1 = Math.max(bx1, word.bbox().right());
            by1 = Math.max(by1, word.bbox().bottom());
            conf = Math.min(conf, word.confidence());
        }
        return new RawCell(CellText.join(words), like.page(), new BBox(bx0, by0, bx1 - bx0, by1 - by0), conf, like.origin());
    }

    private static boolean looksTabular(Fragment f) {
        if (f.columnLefts().size() < 2) return false;
        int multi = 0;
        int numeric = 0;
        for (RawRow r : f.rows()) {
            long filled = r.cells().stream().filter(c -> !c.text().isBlank()).count();
            if (filled >= 2) multi++;
            if (filled >= 2 && r.cells().stream().anyMatch(c -> NUMBER.matcher(c.text().strip()).matches())) numeric++;
        }
        // An empty table (header and 合计 only) prints no number; its header rows still have several cells.
        return numeric >= 1 ? multi >= MIN_STREAM_ROWS : multi >= 2 && multi >= f.rows().size() - 1;
    }
}

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
            found = widened;
        }
        if (found.isEmpty()) {
            // Unruled: our own whitespace grid (columns from body words and header leaves), not
            // Tabula stream, whose columns come from every line alike and lose empty columns.
            for (List<TextLine> lines : StreamAreas.tables(page)) {
                Fragment f = WhitespaceGrid.build(page, lines);
                if (f != null && looksTabular(f)) found.add(f);
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

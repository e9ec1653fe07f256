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
    private static final double WRAP_GAP = 0.55;
    /** OCR boxes a character taller than it is (a stroke or mark joined): wrapped lines' boxes may overlap this much. */
    private static final double WRAP_OVERLAP = 0.25;
    /** Lines overlapping by this share of a line height belong to one body row. */
    private static final double ROW_OVERLAP = 0.1;
    /** Words of one header text are a space apart, well under this share of a line height. */
    private static final double PHRASE_GAP = 0.6;
    /** On OCR'd pages, where the boxes are the ink's and characters of one text stand up to most of one apart. */
    private static final double PHRASE_GAP_OCR = 0.8;
    /** Words of one body text (OCR's words of a row name) are less than a character apart. */
    private static final double BODY_TEXT_GAP = 1.0;
    /** OCR's confidence below which a lone character may be a smear. */
    private static final double SURE = 50;
    /** Marks OCR reads beside Chinese header words from specks and strokes (Latin headers end in . or , as printed: No.). */
    private static final String STRAY_MARKS = "。，、”“‘’`·";

    private WhitespaceGrid() {}

    /** The table printed on {@code lines} (top to bottom), or null when it has fewer than two columns. */
    static Fragment build(Page page, List<TextLine> lines) {
        if (lines.isEmpty()) return null;
        // OCR's words, boxes and marks, not a text layer's, need the rules marked 'on OCR'd pages' below
        boolean ocr = page.origin() == reportingest.layout.PageOrigin.OCR;
        int bodyStart = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            if (line.words().stream().anyMatch(w -> NUMBER.matcher(w.text().strip()).matches() && (!ocr || figureShaped(w) && standsApart(w, line)))) {
                bodyStart = i;
                break;
            }
        }
        // An empty table prints no number: its last line (合计 or the like) is its body, and its
        // columns are its header's (a 合计 centred under 项目 is no column of its own).
        boolean empty = bodyStart == lines.size();
        if (empty) bodyStart = lines.size() - 1;

        List<Cell> head = headerCells(lines.subList(0, bodyStart), ocr);
        List<double[]> cols = new ArrayList<>();
        // A body of one line under a header (an all but empty table's 合计 row) seeds columns with its
        // amounts only: its label is centred under the header's 项目, not printed in a column of its own.
        // Without a header (a table's last line spilled onto the next page) its texts are its columns.
        boolean oneLine = bodyStart == lines.size() - 1 && bodyStart > 0;
        if (!empty) {
            for (int i = bodyStart; i < lines.size(); i++) {
                for (Word w : ocr ? bodyTexts(lines.get(i)) : lines.get(i).words()) {
                    if (!oneLine || NUMBER.matcher(w.text().strip()).matches()) addSpan(cols, w.bbox());
                }
            }
        }
        merge(cols);
        // Header texts under which nothing prints are empty columns; lower texts first, since the
        // leaves of a multi-level header are its lowest texts and their parents span them.
        List<Cell> bottomUp = new ArrayList<>(head);
        bottomUp.sort(Comparator.comparingDouble((Cell c) -> -c.box.y()));
        for (Cell c : bottomUp) {
            if (overlapping(cols, c.box).isEmpty() && !spansGap(head, cols, c)) {
                cols.add(new double[] {c.box.x(), c.box.right()});
                cols.sort(Comparator.comparingDouble(x -> x[0]));
            }
        }
        merge(cols);
        // A header text over one column only widens it to the header's extent: the table's outer
        // edges then follow the header too, which centred parents are measured against.
        for (Cell c : head) {
            List<Integer> over = overlapping(cols, c.box);
            if (over.size() != 1 || hasBelow(head, cols, c, over.get(0))) continue;
            double[] col = cols.get(over.get(0));
            int j = over.get(0);
            double lo = Math.min(col[0], c.box.x()), hi = Math.max(col[1], c.box.right());
            if (j > 0 && lo < cols.get(j - 1)[1] || j < cols.size() - 1 && hi > cols.get(j + 1)[0]) continue;
            col[0] = lo;
            col[1] = hi;
        }
        // A header over right-aligned amounts may not reach them: a column of header only next
        // to a column of amounts without header is one column.
        if (!empty) {
            List<TextLine> body = lines.subList(bodyStart, lines.size());
            for (int j = 0; j + 1 < cols.size(); j++) {
                if (!printed(body, cols, j) && printed(body, cols, j + 1) && !(ocr ? headedByLeaf(head, cols, j + 1, j) : headed(head, cols, j + 1))) {
                    cols.get(j)[1] = cols.get(j + 1)[1];
                    cols.remove(j + 1);
                }
            }
            // Likewise a header centred over a wide column of short left-aligned labels (科目名称 over 办公费,
            // 印刷费) or codes (科目编码 over 204, 2040601 in a face whose figures are narrow) lies right of them all:
            // a column of labels without header next to a column of header only.
            for (int j = 0; j + 1 < cols.size(); j++) {
                if (printed(body, cols, j) && !headed(head, cols, j) && (wordy(body, cols, j) || leftAligned(body, cols, j))
                        && !printed(body, cols, j + 1) && headed(head, cols, j + 1)) {
                    cols.get(j)[1] = cols.get(j + 1)[1];
                    cols.remove(j + 1);
                }
            }
        }
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
        for (List<List<Word>> level : levels(head, cols, edge)) {
            rows.add(row(page, level, edge, top, bodyStart > 0 ? bottom(lines.get(bodyStart - 1)) - top : 0));
        }
        // Body rows: a lone text overlapping the next or previous line vertically is part of its
        // row (a name wrapped over two lines printed around its row's vertically centred other
        // cells). Merely close lines, or overlapping full lines, stay rows of their own.
        for (int i = bodyStart; i < lines.size(); ) {
            int j = i + 1;
            while (j < lines.size() && top(lines.get(j)) - bottom(lines.get(j - 1))
                    < -ROW_OVERLAP * lines.get(j).words().get(0).bbox().height()
                    && (lines.get(j).words().size() == 1 || lines.get(j - 1).words().size() == 1)) j++;
            List<List<Word>> cells = emptyRow(width);
            for (TextLine l : lines.subList(i, j)) {
                for (Word w : l.words()) {
                    List<Integer> over = overlapping(cols, w.bbox());
                    int c = over.isEmpty() ? nearest(cols, w.bbox()) : over.get(0);
                    cells.get(c).add(w);
                }
            }
            double y = top(lines.get(i));
            rows.add(row(page, cells, edge, y, bottom(lines.get(j - 1)) - y));
            i = j;
        }
        // Column positions for matching a continuation page: the centre of the column's lowest
        // header text, which a repeated header prints at the same place (separators move with
        // the widths of each page's values); the separator where the column has no header text.
        List<Double> lefts = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            Cell leaf = null;
            for (Cell c : head) {
                if (c.column == j && (leaf == null || c.box.y() > leaf.box.y())) leaf = c;
            }
            lefts.add(leaf != null && overlapping(cols, leaf.box).size() <= 1 ? leaf.centre() : edge[j]);
        }
        BBox box = new BBox(x0, top, x1 - x0, bottom - top);
        return new Fragment(page.number(), box, lefts, rows, Caption.NONE, false, false, false);
    }

    private static RawRow row(Page page, List<List<Word>> cells, double[] edge, double y, double h) {
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

    /**
     * A figure is no wider than its characters at their height: OCR reads a smudge or the strokes of a garbled
     * header as one digit ("5" 71 pt wide on a 20-pt box), which is no figure to start the body at.
     */
    private static boolean figureShaped(Word w) {
        return w.bbox().width() <= 1.2 * w.text().strip().length() * w.bbox().height();
    }

    /**
     * An amount stands apart from the words beside it on its line; a digit OCR read among the characters of a garbled
     * header text (公务 用 车 2 潜行 运行 4 维) touches them, and is no figure to start the body at.
     */
    private static boolean standsApart(Word w, TextLine line) {
        double near = 0.3 * w.bbox().height();
        for (Word o : line.words()) {
            if (o == w || o.text().isBlank()) continue;
            if (o.bbox().x() < w.bbox().right() + near && o.bbox().right() > w.bbox().x() - near) return false;
        }
        return true;
    }

    /**
     * A header word without the stray marks OCR reads at its ends (”财政, 收入。): its box shrunk by their share of
     * its characters, so that a mark does not close the gap to the next header text; a word of marks alone is none.
     */
    private static Word withoutStrayMarks(Word w) {
        String t = w.text().strip();
        int a = 0, b = t.length();
        while (a < b && STRAY_MARKS.indexOf(t.charAt(a)) >= 0) a++;
        while (b > a && STRAY_MARKS.indexOf(t.charAt(b - 1)) >= 0) b--;
        if (a == 0 && b == t.length()) return w;
        if (a == b) return null;
        double per = w.bbox().width() / t.length();
        BBox box = new BBox(w.bbox().x() + a * per, w.bbox().y(), (b - a) * per, w.bbox().height());
        return new Word(t.substring(a, b), box, w.confidence());
    }

    /**
     * One character OCR doubts, boxed over two lines of the header's type (是, 33 high among texts 9 to 14 high, where
     * 因公出国（境）费 wraps): a smear of strokes, which must not join a header text to its neighbour's column.
     */
    private static boolean smear(Word w, double lineHeight) {
        return w.text().strip().length() == 1 && w.confidence() < SURE && w.bbox().height() > 2 * lineHeight;
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

    private static void addSpan(List<double[]> cols, BBox b) {
        cols.add(new double[] {b.x(), b.right()});
    }

    /**
     * A text between two columns, centred over a run of two or more columns around that gap, is a
     * parent spanning them (收入 over 项目 | 行次 | 金额 when the names are short), not a column.
     */
    private static boolean spansGap(List<Cell> head, List<double[]> cols, Cell c) {
        int k = 0;
        while (k < cols.size() && cols.get(k)[1] <= c.box.x()) k++;
        if (k == 0 || k == cols.size()) return false;
        // Texts a row below it on both sides of the gap: it heads them (项目 over 科目编码 | 科目名称).
        if (hasBelow(head, cols, c, k - 1) && hasBelow(head, cols, c, k)) return true;
        double tol = c.lastWord().bbox().height();
        // Only runs of columns that all have header text below it: its children.
        int lo = k, hi = k - 1;
        while (lo > 0 && hasBelow(head, cols, c, lo - 1)) lo--;
        while (hi < cols.size() - 1 && hasBelow(head, cols, c, hi + 1)) hi++;
        for (int i = lo; i < k; i++) {
            for (int j = k; j <= hi; j++) {
                if (centredOver(head, cols, null, c, i, j, tol)) return true;
            }
        }
        return false;
    }

    private static boolean printed(List<TextLine> body, List<double[]> cols, int j) {
        for (TextLine l : body) for (Word w : l.words()) if (overlaps(cols, w.bbox(), j, j)) return true;
        return false;
    }

    /** Column j prints words, not figures, on most of the lines that print in it. */
    private static boolean wordy(List<TextLine> body, List<double[]> cols, int j) {
        int words = 0, figures = 0;
        for (TextLine l : body) {
            for (Word w : l.words()) {
                if (!overlaps(cols, w.bbox(), j, j)) continue;
                if (NUMBER.matcher(w.text().strip()).matches()) figures++; else words++;
            }
        }
        return words > figures;
    }

    /**
     * Column j prints texts of several lengths that share their left edge (codes 204, 20406, 2040601), not their
     * right edge as a column of amounts does.
     */
    private static boolean leftAligned(List<TextLine> body, List<double[]> cols, int j) {
        double minL = Double.MAX_VALUE, maxL = -Double.MAX_VALUE, minR = Double.MAX_VALUE, maxR = -Double.MAX_VALUE, h = 0;
        int n = 0;
        for (TextLine l : body) {
            for (Word w : l.words()) {
                if (!overlaps(cols, w.bbox(), j, j)) continue;
                n++;
                minL = Math.min(minL, w.bbox().x());
                maxL = Math.max(maxL, w.bbox().x());
                minR = Math.min(minR, w.bbox().right());
                maxR = Math.max(maxR, w.bbox().right());
                h = Math.max(h, w.bbox().height());
            }
        }
        double tol = 0.3 * h;
        return n >= 2 && maxL - minL <= tol && maxR - minR > tol;
    }

    /**
     * Column j has a header text of its own, apart from column {@code other}: a parent over lower header texts on both
     * its sides (支出 over 项目 … 合计 | 一般公共预算财政拨款 …, centred where an amount column happens to lie) heads no
     * column, nor does a text over both columns (合计 因公出国（境） read by OCR as one smear over them).
     */
    private static boolean headedByLeaf(List<Cell> head, List<double[]> cols, int j, int other) {
        for (Cell c : head) {
            if (overlaps(cols, c.box, j, j) && !overlaps(cols, c.box, other, other) && !parentOfBothSides(head, c)) return true;
        }
        return false;
    }

    private static boolean parentOfBothSides(List<Cell> head, Cell c) {
        boolean left = false, right = false;
        for (Cell o : head) {
            if (o == c || o.box.y() < c.box.bottom() + 0.5 * c.lastWord().bbox().height()) continue;
            if (o.box.right() <= c.centre()) left = true;
            if (o.box.x() >= c.centre()) right = true;
        }
        return left && right;
    }

    private static boolean headed(List<Cell> head, List<double[]> cols, int j) {
        for (Cell c : head) if (overlaps(cols, c.box, j, j)) return true;
        return false;
    }

    /**
     * Text c is centred over columns i..j: over their outer edges (cells of unequal widths), or
     * over the centres of their outer header texts (cells of equal widths, whose separators are
     * unknown without rulings).
     */
    private static boolean centredOver(List<Cell> head, List<double[]> cols, double[] edge, Cell c, int i, int j, double tol) {
        double lo = edge != null ? edge[i] : cols.get(i)[0], hi = edge != null ? edge[j + 1] : cols.get(j)[1];
        if (Math.abs((lo + hi) / 2 - c.centre()) <= tol) return true;
        if (i == j) return false;
        return Math.abs((leafCentre(head, cols, c, i) + leafCentre(head, cols, c, j)) / 2 - c.centre()) <= tol;
    }

    /** The centre of the lowest header text below c over column j alone (the column's middle without one). */
    private static double leafCentre(List<Cell> head, List<double[]> cols, Cell c, int j) {
        Cell leaf = null;
        for (Cell o : head) {
            if (o == c || o.box.y() < c.box.bottom()) continue;
            List<Integer> over = overlapping(cols, o.box);
            if (over.size() == 1 && over.get(0) == j && (leaf == null || o.box.y() > leaf.box.y())) leaf = o;
        }
        return leaf != null ? leaf.centre() : (cols.get(j)[0] + cols.get(j)[1]) / 2;
    }

    /**
     * Column j has header text a row below {@code c}: clear of it by half a line at least, since a
     * text centred over the header's full height ends just above the lowest row's texts.
     */
    private static boolean hasBelow(List<Cell> head, List<double[]> cols, Cell c, int j) {
        double clear = 0.5 * c.lastWord().bbox().height();
        for (Cell o : head) {
            if (o != c && o.box.y() >= c.box.bottom() + clear && overlaps(cols, o.box, j, j)) return true;
        }
        return false;
    }

    /** One header text: its words (wrapped lines joined) and their box. */
    private static final class Cell {
        final List<Word> words = new ArrayList<>();
        BBox box;
        int column = -1, level = -1;
        Cell(Word w) { add(w); }
        void add(Word w) {
            words.add(w);
            BBox b = w.bbox();
            box = box == null ? b : new BBox(Math.min(box.x(), b.x()), Math.min(box.y(), b.y()),
                    Math.max(box.right(), b.right()) - Math.min(box.x(), b.x()),
                    Math.max(box.bottom(), b.bottom()) - Math.min(box.y(), b.y()));
        }
        Word lastWord() { return words.get(words.size() - 1); }
        double centre() { return box.x() + box.width() / 2; }
    }

    /**
     * A header line's words joined where only a space separates them: Latin header texts are
     * several words ("Weighted school"), one cell's text; cells are further apart.
     */
    private static List<Word> phrases(TextLine l, boolean ocr) {
        List<Word> out = new ArrayList<>();
        // on OCR'd pages the line's type size, not a word's: OCR boxes 一 one pixel high and a character with a mark
        // joined taller; and OCR sets a text's characters further apart than a font's spacing (科目 名 称)
        double[] hs = l.words().stream().mapToDouble(w -> w.bbox().height()).sorted().toArray();
        double lineHeight = hs.length == 0 ? 0 : hs[hs.length / 2];
        for (Word read : l.words()) {
            Word w = ocr ? withoutStrayMarks(read) : read;
            if (w == null || w.text().isBlank() || ocr && smear(w, lineHeight)) continue;
            Word last = out.isEmpty() ? null : out.get(out.size() - 1);
            double gap = ocr ? PHRASE_GAP_OCR * lineHeight : PHRASE_GAP * w.bbox().height();
            if (last != null && w.bbox().x() - last.bbox().right() < gap) {
                BBox a = last.bbox(), b = w.bbox();
                double y0 = Math.min(a.y(), b.y()), y1 = Math.max(a.bottom(), b.bottom());
                out.set(out.size() - 1, new Word(last.text() + " " + w.text(),
                        new BBox(a.x(), y0, b.right() - a.x(), y1 - y0), Math.min(last.confidence(), w.confidence())));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * A body line's texts: neighbouring words that are not figures, less than a character apart, are one text. OCR
     * gives a word per character or two (机关事业单位基本 养老 保险 缴费 支出), and a long name's last words, reaching
     * where no other row prints, would each seed a column of their own; figures stay apart, since amounts of
     * neighbouring columns can sit that close.
     */
    private static List<Word> bodyTexts(TextLine l) {
        List<Word> out = new ArrayList<>();
        for (Word w : l.words()) {
            if (w.text().isBlank()) continue;
            Word last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !NUMBER.matcher(w.text().strip()).matches() && !NUMBER.matcher(last.text().strip()).matches()
                    && w.bbox().x() - last.bbox().right() < BODY_TEXT_GAP * Math.min(w.bbox().height(), last.bbox().height())) {
                BBox a = last.bbox(), b = w.bbox();
                double y0 = Math.min(a.y(), b.y()), y1 = Math.max(a.bottom(), b.bottom());
                out.set(out.size() - 1, new Word(last.text() + w.text(),
                        new BBox(a.x(), y0, Math.max(a.right(), b.right()) - a.x(), y1 - y0), Math.min(last.confidence(), w.confidence())));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Header words, a text wrapped over tight lines (same centre or left edge) joined into one cell. */
    private static List<Cell> headerCells(List<TextLine> lines, boolean ocr) {
        List<Cell> cells = new ArrayList<>();
        for (TextLine l : lines) {
            for (Word w : phrases(l, ocr)) {
                Cell into = null;
                for (Cell c : cells) {
                    Word a = c.lastWord();
                    double gap = w.bbox().y() - a.bbox().bottom();
                    if (gap >= (ocr ? -WRAP_OVERLAP * w.bbox().height() : -0.5) && gap < WRAP_GAP * w.bbox().height() && centred(a, w)) { into = c; break; }
                }
                if (into != null) into.add(w); else cells.add(new Cell(w));
            }
        }
        return cells;
    }

    /**
     * The header as grid rows (levels), each text at the leftmost column it spans, as a ruled
     * grid has it. A text with texts below it is a parent: it spans the widest run of columns
     * around it that is centred on it, all of which have texts below it and none beside it
     * (headers are printed centred over their cells). Every other text is a leaf of its column,
     * one level below the parents over it, so a text spanning the header's height sits on top.
     */
    private static List<List<List<Word>>> levels(List<Cell> head, List<double[]> cols, double[] edge) {
        int width = cols.size();
        List<Cell> topDown = new ArrayList<>(head);
        topDown.sort(Comparator.comparingDouble((Cell c) -> c.box.y()));
        int[] depth = new int[width];
        for (Cell c : topDown) {
            List<Integer> over = overlapping(cols, c.box);
            int lo = over.isEmpty() ? nearest(cols, c.box) : over.get(0);
            int hi = over.isEmpty() ? lo : over.get(over.size() - 1);
            boolean parent = false;
            for (Cell o : head) if (o != c && below(o, c) && overlaps(cols, o.box, lo, hi)) parent = true;
            if (parent) {
                int runLo = lo, runHi = hi;
                while (runLo > 0 && under(head, c, cols, runLo - 1)) runLo--;
                while (runHi < width - 1 && under(head, c, cols, runHi + 1)) runHi++;
                double tol = 2 * c.lastWord().bbox().height();
                int bestLo = lo, bestHi = hi;
                double bestTop = childTop(head, c, cols, lo, hi);
                // Of the centred runs, the one whose texts below are centred lowest (its own
                // children, not a neighbour's text centred over the whole header height), then the widest.
                for (int i = runLo; i <= lo; i++) {
                    for (int j = hi; j <= runHi; j++) {
                        if (!centredOver(head, cols, edge, c, i, j, tol)) continue;
                        double t = childTop(head, c, cols, i, j);
                        if (t > bestTop + 0.5 || Math.abs(t - bestTop) <= 0.5 && j - i > bestHi - bestLo) {
                            bestLo = i; bestHi = j; bestTop = t;
                        }
                    }
                }
                lo = bestLo;
                hi = bestHi;
            }
            int level = 0;
            for (int j = lo; j <= hi; j++) level = Math.max(level, depth[j]);
            c.column = lo;
            c.level = level;
            if (parent) for (int j = lo; j <= hi; j++) depth[j] = level + 1;
            else for (int j = lo; j <= hi; j++) depth[j] = Math.max(depth[j], level + 1);
        }
        int levels = 0;
        for (Cell c : topDown) levels = Math.max(levels, c.level + 1);
        List<List<List<Word>>> out = new ArrayList<>();
        for (int l = 0; l < levels; l++) out.add(emptyRow(width));
        for (Cell c : topDown) out.get(c.level).get(c.column).addAll(c.words);
        return out;
    }

    /** The highest vertical centre of the texts below {@code c} in columns lo..hi. */
    private static double childTop(List<Cell> head, Cell c, List<double[]> cols, int lo, int hi) {
        double t = Double.MAX_VALUE;
        for (Cell o : head) {
            if (o != c && below(o, c) && overlaps(cols, o.box, lo, hi)) t = Math.min(t, o.box.y() + o.box.height() / 2);
        }
        return t;
    }

    private static boolean below(Cell o, Cell c) {
        return o.box.y() >= c.box.bottom() - 0.5;
    }

    /** Column j has a header text below {@code c} and none beside it. */
    private static boolean under(List<Cell> head, Cell c, List<double[]> cols, int j) {
        boolean beneath = false;
        for (Cell o : head) {
            if (o == c || !overlaps(cols, o.box, j, j)) continue;
            if (below(o, c)) beneath = true;
            else if (o.box.bottom() > c.box.y()) return false;
        }
        return beneath;
    }

    private static boolean overlaps(List<double[]> cols, BBox b, int lo, int hi) {
        for (int j = lo; j <= hi; j++) if (b.x() < cols.get(j)[1] && b.right() > cols.get(j)[0]) return true;
        return false;
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

    private static List<Integer> overlapping(List<double[]> cols, BBox b) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            if (b.x() < cols.get(j)[1] && b.right() > cols.get(j)[0]) out.add(j);
        }
        return out;
    }

    private static int nearest(List<double[]> cols, BBox b) {
        double cx = b.x() + b.width() / 2;
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

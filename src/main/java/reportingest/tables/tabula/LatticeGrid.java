package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import technology.tabula.Cell;
import technology.tabula.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays the ruled cells Tabula found in one table area onto a grid by their geometry. Tabula's own
 * table numbers columns by counting cells, which shifts every cell right of a spanning cell and
 * drops cells that land on a taken position; here a cell goes where its edges are. Edges closer
 * than a few points (double rules) count as one. A spanning cell's text sits at its top-left
 * position; the positions it covers, and positions no cell covers, are empty.
 */
final class LatticeGrid {
    /** A grid line narrower than this (points) holds no printed text of its own: a sliver between close edges. */
    private static final double SLIVER = 8.0;
    /** Rules closer than this (points) are one rule drawn double. */
    private static final double DOUBLE_RULE = 3.0;

    private LatticeGrid() {}

    static Fragment build(Page page, Rectangle area, List<Cell> allCells) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : allCells) if (c.intersects(area)) cells.add(c);
        if (cells.isEmpty()) return null;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Cell c : cells) {
            xs.add((double) c.getLeft());
            xs.add((double) c.getRight());
            ys.add((double) c.getTop());
            ys.add((double) c.getBottom());
        }
        double[] colEdges = edges(xs);
        double[] rowEdges = edges(ys);
        int cols = colEdges.length - 1;
        int rows = rowEdges.length - 1;
        if (cols < 1 || rows < 1) return null;

        @SuppressWarnings("unchecked")
        List<Word>[][] gridWords = new List[rows][cols];
        String[][] text = new String[rows][cols];
        BBox[][] boxes = new BBox[rows][cols];
        double[][] conf = new double[rows][cols];
        // the extent of each position's words: [x0, x1, y0, y1]
        double[][][] ext = new double[rows][cols][];
        // a parent: a cell across two printed lines or more (公务用车购置及运行维护费 over 小计 | 购置费 | 运行维护费);
        // its text lies across its children's, so it says nothing of where they belong. [0] across columns, [1] rows
        boolean[][][] parent = new boolean[2][rows][cols];
        List<List<Word>> cellWords = wordsByCell(page, cells);
        for (int k = 0; k < cells.size(); k++) {
            Cell c = cells.get(k);
            int c0 = nearest(colEdges, c.getLeft());
            int c1 = nearest(colEdges, c.getRight());
            int r0 = nearest(rowEdges, c.getTop());
            int r1 = nearest(rowEdges, c.getBottom());
            if (c1 <= c0 || r1 <= r0) continue; // a sliver between double rules
            List<Word> words = cellWords.get(k);
            String t = CellText.join(words);
            if (text[r0][c0] != null && !text[r0][c0].isEmpty()) {
                if (t.isEmpty()) continue;
                StringBuilder sb = new StringBuilder(text[r0][c0]);
                CellText.append(sb, t);
                t = sb.toString();
            }
            text[r0][c0] = t;
            if (gridWords[r0][c0] == null) gridWords[r0][c0] = new ArrayList<>();
            gridWords[r0][c0].addAll(words);
            boxes[r0][c0] = new BBox(c.getLeft(), c.getTop(), c.getWidth(), c.getHeight());
            parent[0][r0][c0] = wideLines(colEdges, c0, c1) >= 2;
            parent[1][r0][c0] = wideLines(rowEdges, r0, r1) >= 2;
            conf[r0][c0] = words.stream().mapToDouble(Word::confidence).min().orElse(100.0);
            for (Word w : words) {
                double[] e = ext[r0][c0];
                BBox b = w.bbox();
                ext[r0][c0] = e == null ? new double[] {b.x(), b.right(), b.y(), b.bottom()}
                        : new double[] {Math.min(e[0], b.x()), Math.max(e[1], b.right()), Math.min(e[2], b.y()), Math.max(e[3], b.bottom())};
            }
        }
        boolean[] spanned = new boolean[cols + 1];
        for (Cell c : cells) {
            int c0 = nearest(colEdges, c.getLeft());
            int c1 = nearest(colEdges, c.getRight());
            for (int e = c0 + 1; e < c1; e++) spanned[e] = true;
        }
        int[] keep = columnsKept(text, ext, parent[0], 0, spanned, colEdges, rows, cols);
        if (keep.length < cols) {
            // a column a drifted header or body row put its text beside: its text joins the column kept
            String[][] t2 = new String[rows][keep.length];
            BBox[][] b2 = new BBox[rows][keep.length];
            double[][] f2 = new double[rows][keep.length];
            double[][][] x2 = new double[rows][keep.length][];
            boolean[][] p2 = new boolean[rows][keep.length];
            @SuppressWarnings("unchecked")
            List<Word>[][] w2 = new List[rows][keep.length];
            double[] e2 = new double[keep.length + 1];
            for (int k = 0; k < keep.length; k++) {
                int from = keep[k];
                int to = k + 1 < keep.length ? keep[k + 1] : cols;
                e2[k] = colEdges[from];
                for (int i = 0; i < rows; i++) {
                    for (int j = from; j < to; j++) {
                        if (text[i][j] == null || text[i][j].isEmpty()) continue;
                        t2[i][k] = text[i][j];
                        b2[i][k] = boxes[i][j];
                        f2[i][k] = conf[i][j];
                        x2[i][k] = ext[i][j];
                        p2[i][k] = parent[1][i][j];
                        if (gridWords[i][j] != null) {
                            if (w2[i][k] == null) w2[i][k] = new ArrayList<>();
                            w2[i][k].addAll(gridWords[i][j]);
                        }
                    }
                }
            }
            e2[keep.length] = colEdges[cols];
            text = t2;
            boxes = b2;
            conf = f2;
            ext = x2;
            parent[1] = p2;
            gridWords = w2;
            colEdges = e2;
            cols = keep.length;
        }
        boolean[] spannedRows = new boolean[rows + 1];
        for (Cell c : cells) {
            int r0 = nearest(rowEdges, c.getTop());
            int r1 = nearest(rowEdges, c.getBottom());
            for (int e = r0 + 1; e < r1; e++) spannedRows[e] = true;
        }
        String[][] byColumn = new String[cols][rows];
        double[][][] extByColumn = new double[cols][rows][];
        boolean[][] parentByColumn = new boolean[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                byColumn[j][i] = text[i][j];
                extByColumn[j][i] = ext[i][j];
                parentByColumn[j][i] = parent[1][i][j];
            }
        }
        int[] keepRows = columnsKept(byColumn, extByColumn, parentByColumn, 2, spannedRows, rowEdges, cols, rows);
        if (keepRows.length < rows) {
            // a row a drifted cell put its text in (an amount set lower than its code and name): one printed row
            String[][] t2 = new String[keepRows.length][cols];
            BBox[][] b2 = new BBox[keepRows.length][cols];
            double[][] f2 = new double[keepRows.length][cols];
            double[] e2 = new double[keepRows.length + 1];
            @SuppressWarnings("unchecked")
            List<Word>[][] w2 = new List[keepRows.length][cols];
            for (int k = 0; k < keepRows.length; k++) {
                int from = keepRows[k];
                int to = k + 1 < keepRows.length ? keepRows[k + 1] : rows;
                e2[k] = rowEdges[from];
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < cols; j++) {
                        if (text[i][j] == null || text[i][j].isEmpty()) continue;
                        t2[k][j] = text[i][j];
                        b2[k][j] = boxes[i][j];
                        f2[k][j] = conf[i][j];
                        if (gridWords[i][j] != null) {
                            if (w2[k][j] == null) w2[k][j] = new ArrayList<>();
                            w2[k][j].addAll(gridWords[i][j]);
                        }
                    }
                }
            }
            e2[keepRows.length] = rowEdges[rows];
            text = t2;
            boxes = b2;
            conf = f2;
            rowEdges = e2;
            rows = keepRows.length;
            gridWords = w2;
        }
        List<RawRow> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<List<Word>> bands = bodyBlockLines(gridWords[i]);
            if (bands != null) {
                // ruled columns over unruled rows: a block of body rows in one ruled cell per column, one row per line
                for (List<Word> band : bands) {
                    List<RawCell> row = new ArrayList<>(cols);
                    for (int j = 0; j < cols; j++) {
                        List<Word> ws = new ArrayList<>();
                        if (gridWords[i][j] != null) for (Word w : gridWords[i][j]) if (band.contains(w)) ws.add(w);
                        BBox b = ws.isEmpty() ? new BBox(colEdges[j], rowEdges[i], colEdges[j + 1] - colEdges[j], rowEdges[i + 1] - rowEdges[i])
                                : union(ws);
                        double cf = ws.stream().mapToDouble(Word::confidence).min().orElse(100.0);
                        row.add(new RawCell(CellText.join(ws), page.number(), b, cf, page.origin()));
                    }
                    out.add(new RawRow(row));
                }
                continue;
            }
            List<RawCell> row = new ArrayList<>(cols);
            boolean any = false;
            for (int j = 0; j < cols; j++) {
                String t = text[i][j] == null ? "" : text[i][j];
                BBox b = boxes[i][j] != null ? boxes[i][j]
                        : new BBox(colEdges[j], rowEdges[i], colEdges[j + 1] - colEdges[j], rowEdges[i + 1] - rowEdges[i]);
                double cf = boxes[i][j] != null ? conf[i][j] : 100.0;
                row.add(new RawCell(t, page.number(), b, cf, page.origin()));
                any |= !t.isEmpty();
            }
            if (any) out.add(new RawRow(row));
        }
        List<Double> lefts = new ArrayList<>();
        for (int j = 0; j < cols; j++) lefts.add(colEdges[j]);
        BBox box = new BBox(colEdges[0], rowEdges[0], colEdges[cols] - colEdges[0], rowEdges[rows] - rowEdges[0]);
        return new Fragment(page.number(), box, lefts, out, Caption.NONE, true, false, false);
    }

    /**
     * The grid lines (columns; rows, handed over transposed) that start a printed one. Word draws each row of
     * a table with its own cell edges, and a header row's edges can sit a few points off its body's (功能科目代码
     * ruled wider than the codes below it), a borderless row (部门：… 单位：万元) set in the table adds edges of
     * its own, and an amount can sit in a box of its own below its code and name: the grid then has a line
     * only one part's text lands in beside one only another part's text lands in. Neighbours are one printed
     * line when no row (column) puts text in both and a ruled cell runs across the edge between them (the edge
     * is not a rule through the whole table); a line no text lands in joins its neighbour on the same terms
     * when it is a sliver (narrower than {@link #SLIVER}), and a line with text takes in the slivers before it.
     * Text that drifted lies across the text it belongs with (a header's words over its body's amounts): two
     * lines whose texts lie side by side (公务用车运行费 | 公务接待费, sparse in a one-row table) stay two.
     *
     * @param text    text[position][line]: grid rows by column for columns, grid columns by row for rows
     * @param ext     the extent of each position's words, [x0, x1, y0, y1]; axis 0 reads x, axis 2 reads y
     * @param parent  parent[position][line]: the text there is a cell's across two printed lines or more; its extent is not read
     * @param spanned spanned[e]: some cell runs across edge e (between line e-1 and line e)
     * @return the first grid line of each printed line
     */
    private static int[] columnsKept(String[][] text, double[][][] ext, boolean[][] parent, int axis, boolean[] spanned,
                                     double[] edges, int positions, int lines) {
        List<Integer> keep = new ArrayList<>();
        boolean[] used = new boolean[positions];
        boolean groupFilled = false;
        double groupStart = edges[0];
        // extents [own lo, own hi, all lo, all hi]: a parent's text is read only where a line has no other
        double[] group = emptyExtent();
        for (int j = 0; j < lines; j++) {
            boolean clash = false;
            boolean filled = false;
            double[] line = emptyExtent();
            for (int i = 0; i < positions; i++) {
                boolean has = text[i][j] != null && !text[i][j].isEmpty();
                clash |= has && used[i];
                filled |= has;
                if (has && ext[i][j] != null) widen(line, ext[i][j][axis], ext[i][j][axis + 1], !parent[i][j]);
            }
            // an empty line joins only as a sliver between close edges; a wider one is a printed line left
            // blank here, which the rest of the table (or its continuation) still has
            boolean sliver = edges[j + 1] - edges[j] < SLIVER;
            boolean groupSliver = !groupFilled && edges[j] - groupStart < SLIVER;
            // text that drifted sits across (above, beside) the text it belongs with, not next to it
            boolean overlaps = overlap(line, group);
            boolean join = j > 0 && spanned[j] && !clash && (filled ? groupFilled && overlaps || groupSliver : sliver);
            if (!join) {
                keep.add(j);
                java.util.Arrays.fill(used, false);
                groupFilled = false;
                groupStart = edges[j];
                group = emptyExtent();
            }
            for (int i = 0; i < positions; i++) if (text[i][j] != null && !text[i][j].isEmpty()) used[i] = true;
            groupFilled |= filled;
            widen(group, line[0], line[1], true);
            widen(group, line[2], line[3], false);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }


    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("^[-－+(（]?[0-9０-９][0-9０-９,，.．]*[)）%％]?$");

    /**
     * The lines of a grid row that is a block of body rows (the rulings draw columns, and rows only around blocks):
     * two columns or more print a line that is a figure alone on two lines or more, or one column does on three lines
     * level with a label each. A label wrapped over two lines beside one line of
     * figures is one row, not a block. Null when the row is not such a block.
     */
    private static List<List<Word>> bodyBlockLines(List<Word>[] row) {
        List<Word> all = new ArrayList<>();
        for (List<Word> ws : row) if (ws != null) all.addAll(ws);
        if (all.size() < 4) return null;
        all.sort(java.util.Comparator.comparingDouble(w -> w.bbox().y() + w.bbox().height() / 2));
        List<Double> hs = new ArrayList<>();
        for (Word w : all) hs.add(w.bbox().height());
        hs.sort(null);
        double h = hs.get(hs.size() / 2);
        List<List<Word>> bands = new ArrayList<>();
        double last = Double.NaN;
        for (Word w : all) {
            double cy = w.bbox().y() + w.bbox().height() / 2;
            if (bands.isEmpty() || cy - last > 0.6 * h) bands.add(new ArrayList<>());
            bands.get(bands.size() - 1).add(w);
            last = cy;
        }
        if (bands.size() < 2) return null;
        int columnsWithFigureLines = 0;
        boolean labelledFigures = false;
        for (List<Word> ws : row) {
            if (ws == null) continue;
            int lines = 0, labelled = 0;
            for (List<Word> band : bands) {
                // a line of the cell that is a figure and nothing else: a wrapped date (2017 年 6 / 月 14 日) is not
                List<Word> here = band.stream().filter(ws::contains).toList();
                if (here.isEmpty() || !here.stream().allMatch(w -> FIGURE.matcher(w.text().strip()).matches())) continue;
                lines++;
                if (band.size() > here.size() && band.stream().anyMatch(w -> !ws.contains(w) && !FIGURE.matcher(w.text().strip()).matches())) labelled++;
            }
            if (lines >= 2) columnsWithFigureLines++;
            labelledFigures |= labelled >= LABELLED_LINES;
        }
        // one column of figures (科目名称 | 决算数) is a block when its figures stand level with labels, line by line
        return columnsWithFigureLines >= 2 || labelledFigures ? bands : null;
    }

    /** Lines of a lone figure column level with a label that make a grid row a block of body rows. */
    private static final int LABELLED_LINES = 3;

    private static BBox union(List<Word> ws) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Word w : ws) {
            x0 = Math.min(x0, w.bbox().x());
            y0 = Math.min(y0, w.bbox().y());
            x1 = Math.max(x1, w.bbox().right());
            y1 = Math.max(y1, w.bbox().bottom());
        }
        return new BBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static double[] emptyExtent() {
        return new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    }

    /** Widens an extent by [lo, hi]: its own part and the whole, or the whole only (a parent's text). */
    private static void widen(double[] e, double lo, double hi, boolean own) {
        if (own) {
            e[0] = Math.min(e[0], lo);
            e[1] = Math.max(e[1], hi);
        }
        e[2] = Math.min(e[2], lo);
        e[3] = Math.max(e[3], hi);
    }

    /** Two extents overlap: by their own texts where both have some, else by all their texts. */
    private static boolean overlap(double[] a, double[] b) {
        boolean own = a[0] <= a[1] && b[0] <= b[1];
        int lo = own ? 0 : 2;
        return a[lo] < b[lo + 1] && b[lo] < a[lo + 1];
    }

    /** How many grid lines from edge a to edge b are wider than a sliver. */
    private static int wideLines(double[] edges, int a, int b) {
        int n = 0;
        for (int e = a; e < b; e++) if (edges[e + 1] - edges[e] >= SLIVER) n++;
        return n;
    }

    /** Sorted distinct edges, double rules merged (their mean). */
    private static double[] edges(List<Double> values) {
        values.sort(null);
        List<Double> out = new ArrayList<>();
        double sum = 0;
        int n = 0;
        double first = Double.NaN;
        for (double v : values) {
            if (n > 0 && v - first > DOUBLE_RULE) {
                out.add(sum / n);
                sum = 0;
                n = 0;
            }
            if (n == 0) first = v;
            sum += v;
            n++;
        }
        if (n > 0) out.add(sum / n);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int nearest(double[] edges, double v) {
        int best = 0;
        for (int i = 1; i < edges.length; i++) if (Math.abs(edges[i] - v) < Math.abs(edges[best] - v)) best = i;
        return best;
    }

    /** Each word goes to the cell holding its centre (the smallest, should cells overlap). */
    private static List<List<Word>> wordsByCell(Page page, List<Cell> cells) {
        List<List<Word>> out = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) out.add(new ArrayList<>());
        for (TextLine line : page.lines()) {
            for (Word w : line.words()) {
                if (w.text().isBlank()) continue;
                double cx = w.bbox().x() + w.bbox().width() / 2;
                double cy = w.bbox().y() + w.bbox().height() / 2;
                int best = -1;
                for (int k = 0; k < cells.size(); k++) {
                    Cell c = cells.get(k);
                    if (cx >= c.getLeft() && cx <= c.getRight() && cy >= c.getTop() && cy <= c.getBottom()
                            && (best < 0 || c.getArea() < cells.get(best).getArea())) best = k;
                }
                if (best >= 0) out.get(best).add(w);
            }
        }
        return out;
    }
}

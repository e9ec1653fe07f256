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

        String[][] text = new String[rows][cols];
        BBox[][] boxes = new BBox[rows][cols];
        double[][] conf = new double[rows][cols];
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
            boxes[r0][c0] = new BBox(c.getLeft(), c.getTop(), c.getWidth(), c.getHeight());
            conf[r0][c0] = words.stream().mapToDouble(Word::confidence).min().orElse(100.0);
        }
        List<RawRow> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
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

package reportingest.layout.ocr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of ruled tables: the regions the ruling lines enclose, found by flood fill on a coarse
 * grid, so merged header cells come out whole. Regions reaching the page edge or a large part of the
 * page are not cells (open or broken rulings).
 */
final class RuledCells {
    /** Grid step in pixels: finer than any ruling gap that matters, coarse enough to be fast. */
    private static final int STEP = 4;

    record Cell(int x0, int y0, int x1, int y1) {
        boolean contains(double x, double y) { return x >= x0 && x < x1 && y >= y0 && y < y1; }
    }

    private RuledCells() {}

    /**
     * The words that belong to the cell: those centred in it, and those centred in no cell (on an erased
     * ruling) that overlap it. Whole-page OCR sometimes draws a word's box across a ruling (a glyph of a
     * header cell boxed together with the blank beyond the line, or a junk "|" spanning several cells);
     * such a word counts for every cell it overlaps, so those cells are read again and their second
     * reading replaces it, instead of it escaping every cell and landing in a neighbouring column.
     */
    static List<OcrWord> inside(List<OcrWord> words, Cell c, List<Cell> cells) {
        List<OcrWord> out = new ArrayList<>();
        for (OcrWord w : words) {
            double cx = (w.left() + w.right()) / 2.0, cy = w.centerY();
            if (c.contains(cx, cy) || overlaps(c, w) && cells.stream().noneMatch(o -> o.contains(cx, cy))) out.add(w);
        }
        return out;
    }

    private static boolean overlaps(Cell c, OcrWord w) {
        return Math.min(c.x1(), w.right()) > Math.max(c.x0(), w.left()) && Math.min(c.y1(), w.bottom()) > Math.max(c.y0(), w.top());
    }

    static List<Cell> find(int width, int height, List<LineSegment> lines, int dpi) {
        int gw = (width + STEP - 1) / STEP;
        int gh = (height + STEP - 1) / STEP;
        boolean[] wall = new boolean[gw * gh];
        for (LineSegment l : lines) {
            // One grid step of dilation closes the small gaps a scanned ruling leaves at crossings.
            for (int gy = Math.max(0, l.y0() / STEP - 1); gy <= Math.min(gh - 1, l.y1() / STEP + 1); gy++) {
                for (int gx = Math.max(0, l.x0() / STEP - 1); gx <= Math.min(gw - 1, l.x1() / STEP + 1); gx++) {
                    wall[gy * gw + gx] = true;
                }
            }
        }
        int minSide = Math.max(2, dpi / 12 / STEP);
        long maxArea = (long) gw * gh / 8;
        boolean[] seen = new boolean[wall.length];
        List<Cell> cells = new ArrayList<>();
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < wall.length; start++) {
            if (wall[start] || seen[start]) continue;
            int minX = gw, minY = gh, maxX = -1, maxY = -1;
            long area = 0;
            boolean edge = false;
            stack.push(start);
            seen[start] = true;
            while (!stack.isEmpty()) {
                int i = stack.pop();
                int x = i % gw, y = i / gw;
                area++;
                minX = Math.min(minX, x); maxX = Math.max(maxX, x);
                minY = Math.min(minY, y); maxY = Math.max(maxY, y);
                if (x == 0 || y == 0 || x == gw - 1 || y == gh - 1) edge = true;
                if (x > 0) visit(i - 1, wall, seen, stack);
                if (x < gw - 1) visit(i + 1, wall, seen, stack);
                if (y > 0) visit(i - gw, wall, seen, stack);
                if (y < gh - 1) visit(i + gw, wall, seen, stack);
            }
            if (edge || area > maxArea || maxX - minX + 1 < minSide || maxY - minY + 1 < minSide) continue;
            cells.add(new Cell(minX * STEP, minY * STEP, Math.min(width, (maxX + 1) * STEP), Math.min(height, (maxY + 1) * STEP)));
        }
        return cells;
    }

    private static void visit(int i, boolean[] wall, boolean[] seen, ArrayDeque<Integer> stack) {
        if (wall[i] || seen[i]) return;
        seen[i] = true;
        stack.push(i);
    }
}

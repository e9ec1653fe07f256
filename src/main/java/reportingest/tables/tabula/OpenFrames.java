package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.Ruling;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule a page break leaves undrawn. A table continued on a new page may start (or end) with a row whose top (or
 * bottom) border is not drawn: Word draws the table's verticals from the row's top but no rule across it, so the
 * lattice has no cell there and the row's text (会议费 … 110.05, first line of the page) falls outside the table. Where
 * the verticals of a table end together past the last rule across them, and text lies between, the rule across their
 * ends closes the frame. Verticals that end together at a rule, drawn whole or in pieces, are a closed frame.
 */
final class OpenFrames {
    /** Ends closer than this (points) are one end. */
    private static final double SAME_END = 2.0;
    /** A frame has its two sides and a column rule at least. */
    private static final int MIN_VERTICALS = 3;

    private OpenFrames() {}

    /** The rules across the open ends of the page's frames (none for a page whose frames are closed). */
    static List<Ruling> closing(Page page) {
        List<Ruling> vertical = new ArrayList<>();
        List<Ruling> horizontal = new ArrayList<>();
        for (Ruling r : page.rulings()) (r.horizontal() ? horizontal : vertical).add(r);
        List<Ruling> out = new ArrayList<>();
        for (boolean top : new boolean[] {true, false}) {
            List<Ruling> sorted = new ArrayList<>(vertical);
            sorted.sort(Comparator.comparingDouble(r -> end(r, top)));
            int i = 0;
            while (i < sorted.size()) {
                int j = i + 1;
                while (j < sorted.size() && Math.abs(end(sorted.get(j), top) - end(sorted.get(i), top)) <= SAME_END) j++;
                if (j - i >= MIN_VERTICALS) {
                    Ruling close = close(sorted.subList(i, j), horizontal, page, top);
                    if (close != null) out.add(close);
                }
                i = j;
            }
        }
        return out;
    }

    private static Ruling close(List<Ruling> ends, List<Ruling> horizontal, Page page, boolean top) {
        double y = end(ends.get(0), top);
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE;
        for (Ruling v : ends) {
            x0 = Math.min(x0, v.x1());
            x1 = Math.max(x1, v.x1());
        }
        // the nearest rule across all of them, inward from their ends, drawn from the first of them to the last: they
        // are the frame's sides and its column rules, not column rules standing in a wider frame
        double nearest = Double.NaN;
        for (Ruling h : horizontal) {
            double hy = h.y1();
            // a rule drawn at their ends, even in pieces (cell fills cut round their borders), closes the frame
            if (Math.abs(hy - y) <= SAME_END && Math.max(h.x1(), h.x2()) > x0 && Math.min(h.x1(), h.x2()) < x1) return null;
            if (Math.min(h.x1(), h.x2()) > x0 + SAME_END || Math.max(h.x1(), h.x2()) < x1 - SAME_END) continue;
            if (Math.min(h.x1(), h.x2()) < x0 - SAME_END || Math.max(h.x1(), h.x2()) > x1 + SAME_END) continue;
            boolean inward = top ? hy > y : hy < y;
            boolean within = ends.stream().allMatch(v -> hy >= Math.min(v.y1(), v.y2()) - SAME_END && hy <= Math.max(v.y1(), v.y2()) + SAME_END);
            if (inward && within && (Double.isNaN(nearest) || Math.abs(hy - y) < Math.abs(nearest - y))) nearest = hy;
        }
        if (Double.isNaN(nearest)) return null;
        double lo = Math.min(y, nearest), hi = Math.max(y, nearest);
        for (TextLine l : page.lines()) {
            for (Word w : l.words()) {
                if (w.text().isBlank() || w.bbox() == null) continue;
                double cx = w.bbox().x() + w.bbox().width() / 2, cy = w.bbox().y() + w.bbox().height() / 2;
                if (cx > x0 && cx < x1 && cy > lo && cy < hi) return new Ruling(x0, y, x1, y);
            }
        }
        return null;
    }

    private static double end(Ruling v, boolean top) {
        return top ? Math.min(v.y1(), v.y2()) : Math.max(v.y1(), v.y2());
    }
}

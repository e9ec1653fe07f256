package reportingest.layout.pdf;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import technology.tabula.Ruling;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * White fills: the paths a page fills with white on white, which paint nothing a reader sees, and which of
 * Tabula's rulings are their edges drawn nowhere a reader sees a line ({@link #phantoms}). Word and WPS fill
 * every table cell with its background (white) as a text area inset from the cell's borders by the cell
 * padding, plus a strip of padding on each side, and a borderless row (部门：… 单位：万元 set in the table)
 * only as such fills. Tabula takes the edge of every filled path for a ruling line, so such a table reads
 * as a second grid of phantom rules a few points inside the real one: codes fall one column left of their
 * header, amounts into either of two columns, a row's amount into a row of its own. The edges come out as
 * Tabula draws them (its page transform, its test for paths of straight segments only, clipped to the
 * clipping path's bounds), so that the rulings they made can be told from the visible ones.
 */
final class InvisibleFills extends PDFGraphicsStreamEngine {
    /** A colour component this close to full intensity counts as white. */
    private static final float WHITE = 0.995f;
    /** A non-white fill at least this wide and high (points) is a background, not a rule. */
    private static final double BACKGROUND = 2.0;
    /** Tabula's ruling and a white edge are the same segment to within this (points), either way round. */
    private static final double SAME_SEGMENT = 0.05;
    /** A white edge this close to a visible rule (points) is that rule, drawn twice: left as it is. */
    private static final double ON_THE_RULE = 1.0;
    /** Cell padding: at most this many points between a cell's border and its text area. */
    private static final double PADDING = 15.0;

    /** One white fill: its box and its edges, in Tabula's page coordinates. */
    record Fill(Rectangle2D box, List<Ruling> edges) {}

    private final AffineTransform pageTransform;
    private final GeneralPath path = new GeneralPath();
    private final List<Fill> fills = new ArrayList<>();
    private final List<Rectangle2D> backgrounds = new ArrayList<>();
    /** The winding rule of a clip pending until its path is ended (W n), as Tabula keeps it; -1 for none. */
    private int clipWindingRule = -1;

    private InvisibleFills(PDPage page) {
        super(page);
        // as technology.tabula.ObjectExtractorStreamEngine: top-left origin, y down, rotated pages turned
        PDRectangle cb = page.getCropBox();
        int rotation = page.getRotation();
        AffineTransform t = new AffineTransform();
        if (Math.abs(rotation) == 90 || Math.abs(rotation) == 270) {
            t = AffineTransform.getRotateInstance(rotation * (Math.PI / 180.0), 0, 0);
        } else {
            t.concatenate(AffineTransform.getTranslateInstance(0, cb.getHeight()));
        }
        t.concatenate(AffineTransform.getScaleInstance(1, -1));
        t.translate(-cb.getLowerLeftX(), -cb.getLowerLeftY());
        this.pageTransform = t;
    }

    /** The page's white fills over nothing but the white sheet. */
    static List<Fill> of(PDPage page) throws IOException {
        InvisibleFills engine = new InvisibleFills(page);
        engine.processPage(page);
        return engine.fills;
    }

    /**
     * Tabula's rulings without those it made of white edges that no reader sees as a line: a white edge
     * parallel to a visible rule, more than {@link #ON_THE_RULE} and at most {@link #PADDING} inside it along
     * at least half its length, with no text between the two, is the inset edge of a cell's text area (or of
     * its padding). A white edge that ended on such an inset edge is carried on to the visible rule, so that a
     * row a fill bounds still meets its column's rules. Other white edges are kept: fills are the only row
     * boundaries of a table that rules its columns and not its rows, and an edge with text between it and
     * the rule separates that text from the rest of the cell.
     *
     * @param drawn Tabula's unprocessed rulings of the page, before it snaps them
     * @param fills the page's white fills ({@link #of})
     * @return {@code drawn} itself when nothing is dropped, else a new list (copies where carried on)
     */
    static List<Ruling> visible(List<Ruling> drawn, List<Fill> fills, List<Glyph> glyphs) {
        if (fills.isEmpty()) return drawn;
        List<Ruling> white = new ArrayList<>();
        for (Fill f : fills) white.addAll(f.edges());
        boolean[] used = new boolean[white.size()];
        List<Ruling> fromWhite = new ArrayList<>();
        List<Ruling> shown = new ArrayList<>();
        for (Ruling r : drawn) {
            // each white edge accounts for one ruling: a visible rule drawn on the same spot stays visible
            if (takeMatching(r, white, used)) fromWhite.add(r);
            else shown.add(r);
        }
        Set<Ruling> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Ruling, Double> insetOf = new IdentityHashMap<>();
        for (Ruling r : fromWhite) {
            if (r.oblique()) continue;
            Ruling rule = null;
            for (Ruling v : shown) {
                if (v.oblique() || v.vertical() != r.vertical() || !insidePadding(r, v, glyphs)) continue;
                if (rule == null || distance(r, v) < distance(r, rule)) rule = v;
            }
            if (rule != null) {
                dropped.add(r);
                insetOf.put(r, rule.vertical() ? (double) rule.getX1() : (double) rule.getY1());
            }
        }
        if (dropped.isEmpty()) return drawn;
        Set<Ruling> whiteSet = Collections.newSetFromMap(new IdentityHashMap<>());
        whiteSet.addAll(fromWhite);
        List<Ruling> out = new ArrayList<>();
        for (Ruling r : drawn) {
            if (dropped.contains(r)) continue;
            out.add(whiteSet.contains(r) ? carriedOn(r, insetOf) : r);
        }
        return out;
    }

    /** r with each end that lies on an inset edge moved onto that edge's visible rule. */
    private static Ruling carriedOn(Ruling r, Map<Ruling, Double> insetOf) {
        if (r.oblique() || insetOf.isEmpty()) return r;
        Point2D.Float a = new Point2D.Float(r.x1, r.y1);
        Point2D.Float b = new Point2D.Float(r.x2, r.y2);
        boolean moved = false;
        for (Map.Entry<Ruling, Double> e : insetOf.entrySet()) {
            Ruling inset = e.getKey();
            if (inset.vertical() == r.vertical()) continue;
            float to = e.getValue().floatValue();
            for (Point2D.Float p : List.of(a, b)) {
                double across = inset.vertical() ? p.x - inset.getX1() : p.y - inset.getY1();
                double along = inset.vertical() ? p.y : p.x;
                double lo = inset.vertical() ? Math.min(inset.getY1(), inset.getY2()) : Math.min(inset.getX1(), inset.getX2());
                double hi = inset.vertical() ? Math.max(inset.getY1(), inset.getY2()) : Math.max(inset.getX1(), inset.getX2());
                if (Math.abs(across) > SAME_SEGMENT || along < lo - SAME_SEGMENT || along > hi + SAME_SEGMENT) continue;
                if (inset.vertical()) p.x = to;
                else p.y = to;
                moved = true;
            }
        }
        return moved ? new Ruling(a, b) : r;
    }

    private static double distance(Ruling r, Ruling v) {
        return r.vertical() ? Math.abs(r.getX1() - v.getX1()) : Math.abs(r.getY1() - v.getY1());
    }

    private static boolean insidePadding(Ruling r, Ruling v, List<Glyph> glyphs) {
        boolean vertical = r.vertical();
        double at = vertical ? r.getX1() : r.getY1();
        double vAt = vertical ? v.getX1() : v.getY1();
        double distance = Math.abs(at - vAt);
        if (distance <= ON_THE_RULE || distance > PADDING) return false;
        double r0 = vertical ? Math.min(r.getY1(), r.getY2()) : Math.min(r.getX1(), r.getX2());
        double r1 = vertical ? Math.max(r.getY1(), r.getY2()) : Math.max(r.getX1(), r.getX2());
        double v0 = vertical ? Math.min(v.getY1(), v.getY2()) : Math.min(v.getX1(), v.getX2());
        double v1 = vertical ? Math.max(v.getY1(), v.getY2()) : Math.max(v.getX1(), v.getX2());
        double o0 = Math.max(r0, v0), o1 = Math.min(r1, v1);
        if (o1 - o0 < 0.5 * (r1 - r0)) return false;
        double lo = Math.min(at, vAt), hi = Math.max(at, vAt);
        for (Glyph g : glyphs) {
            if (g.blank()) continue;
            double across = vertical ? g.centerX() : g.centerY();
            double along = vertical ? g.centerY() : g.centerX();
            if (across > lo && across < hi && along > o0 && along < o1) return false;
        }
        return true;
    }

    private static boolean takeMatching(Ruling r, List<Ruling> white, boolean[] used) {
        for (int i = 0; i < white.size(); i++) {
            if (used[i]) continue;
            Ruling e = white.get(i);
            boolean same = near(r.getX1(), e.getX1()) && near(r.getY1(), e.getY1()) && near(r.getX2(), e.getX2()) && near(r.getY2(), e.getY2())
                    || near(r.getX1(), e.getX2()) && near(r.getY1(), e.getY2()) && near(r.getX2(), e.getX1()) && near(r.getY2(), e.getY1());
            if (same) {
                used[i] = true;
                return true;
            }
        }
        return false;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= SAME_SEGMENT;
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
        Rectangle2D box = pageTransform.createTransformedShape(path).getBounds2D();
        if (!paintsNothing(getGraphicsState().getNonStrokingColor())) {
            if (box.getWidth() >= BACKGROUND && box.getHeight() >= BACKGROUND) backgrounds.add(box);
        } else if (backgrounds.stream().noneMatch(b -> b.intersects(box))) {
            // white on colour is seen; white on the white sheet is not
            List<Ruling> edges = edges();
            if (!edges.isEmpty()) fills.add(new Fill(box, edges));
        }
        path.reset();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        path.reset(); // its outline is stroked: visible
    }

    @Override
    public void strokePath() {
        path.reset();
    }

    @Override
    public void endPath() {
        if (clipWindingRule != -1) {
            path.setWindingRule(clipWindingRule);
            getGraphicsState().intersectClippingPath(path);
            clipWindingRule = -1;
        }
        path.reset();
    }

    private static boolean paintsNothing(PDColor colour) {
        try {
            int rgb = colour.toRGB();
            return (rgb >> 16 & 0xff) >= 255 * WHITE && (rgb >> 8 & 0xff) >= 255 * WHITE && (rgb & 0xff) >= 255 * WHITE;
        } catch (IOException | RuntimeException e) {
            return false; // a pattern or a colour space that cannot say: visible
        }
    }

    /** Each straight segment of the path as Tabula's engine makes a ruling of it; none for a path with curves. */
    private List<Ruling> edges() {
        List<Ruling> out = new ArrayList<>();
        float[] c = new float[6];
        PathIterator check = path.getPathIterator(pageTransform);
        if (check.isDone() || check.currentSegment(c) != PathIterator.SEG_MOVETO) return out;
        for (check.next(); !check.isDone(); check.next()) {
            int type = check.currentSegment(c);
            if (type != PathIterator.SEG_LINETO && type != PathIterator.SEG_CLOSE && type != PathIterator.SEG_MOVETO) return out;
        }
        Rectangle2D clip = pageTransform.createTransformedShape(getGraphicsState().getCurrentClippingPath()).getBounds2D();
        Point2D.Float start = null;
        Point2D.Float last = null;
        for (PathIterator it = path.getPathIterator(pageTransform); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                start = new Point2D.Float(c[0], c[1]);
                last = start;
            } else if (type == PathIterator.SEG_LINETO && last != null) {
                Point2D.Float next = new Point2D.Float(c[0], c[1]);
                add(out, last, next, clip);
                last = next;
            } else if (type == PathIterator.SEG_CLOSE && last != null && start != null) {
                add(out, last, start, clip);
                last = start;
            }
        }
        return out;
    }

    private static void add(List<Ruling> out, Point2D.Float a, Point2D.Float b, Rectangle2D clip) {
        Ruling r = new Ruling(a, b);
        if (!r.intersects(clip)) return;
        Ruling in = r.intersect(clip);
        if (in.length() > 0.01) out.add(in);
    }

    @Override
    public void showTextString(byte[] string) {
        // text paints no path: not read
    }

    @Override
    public void showTextStrings(COSArray array) {
        // text paints no path: not read
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo((float) p0.getX(), (float) p0.getY());
        path.lineTo((float) p1.getX(), (float) p1.getY());
        path.lineTo((float) p2.getX(), (float) p2.getY());
        path.lineTo((float) p3.getX(), (float) p3.getY());
        path.closePath();
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.curveTo(x1, y1, x2, y2, x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return path.getCurrentPoint();
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    @Override
    public void clip(int windingRule) {
        clipWindingRule = windingRule; // applied when the path is ended, as Tabula does
    }

    @Override
    public void drawImage(PDImage pdImage) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}

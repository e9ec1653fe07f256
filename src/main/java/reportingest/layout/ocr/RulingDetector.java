package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds table ruling lines in a straightened gray image, in pure Java: long dark runs on each
 * scanline (small gaps bridged, since scans break thin lines), stacked into segments across adjacent
 * scanlines. Text never makes runs this long, and blobs (stamps, photos) are dropped for being too thick.
 * Lengths are scaled from the page resolution so the same rule holds at 200 or 400 dpi.
 *
 * <p>Multi-level headers draw short rules: the line under a spanning header cell (支出功能分类科目编码
 * over 类 | 款 | 项) and the dividers between its sub-columns are shorter than the length and share
 * limits that keep text and debris out. Such a short line is kept when both its ends meet lines of
 * the grid, which text strokes and debris do not; without it the sub-header cells merge into one.
 */
final class RulingDetector {
    /** Darker than this is ink. */
    static final int INK = 160;
    /**
     * Ink for pages that came at a low resolution (renders and scans under 150 dpi): a hairline rule is
     * narrower than their pixel, so it is drawn as one light-gray pixel row (155–175 on cTDaR's 96-dpi
     * pages) that upsampling keeps light. Only clean renders come that coarse; a gray scan background
     * would need the darker limit.
     */
    static final int LOW_RESOLUTION_INK = 200;
    /** A ruling is at least this long (0.4 inch: longer than any run of characters). */
    static final double MIN_LENGTH_INCH = 0.4;
    /** Gaps up to this size inside a line are bridged (scan dropouts, noise). */
    static final double MAX_GAP_INCH = 0.01;
    /** Thicker than this is a filled area, not a line. */
    static final double MAX_THICKNESS_INCH = 0.05;
    /** Shorter than this share of the longest line of the same direction is debris, not the table. */
    static final double MIN_SHARE_OF_LONGEST = 0.15;
    /** A line shorter than the limits above still counts when both its ends meet the grid (about half a row). */
    static final double MIN_ANCHORED_LENGTH_INCH = 0.15;
    /**
     * A line that meets no line across it is a rule only when at least this long (1.2 inch). On a blurred, level-compressed
     * scan the bottoms of a row of digits or characters run together into one dark run as long as a code or a name
     * (0.4–0.62 inch on a 150-dpi grey scan of an unruled table); taken for rules, they were erased with the print
     * they run through, and those rows' codes and names were lost. The rules of a table without a grid (the three of a
     * three-line table) run its width.
     */
    static final double MIN_LONE_LENGTH_INCH = 1.2;

    private final int minLength;
    private final int minAnchoredLength;
    private final int minLoneLength;
    private final int maxGap;
    private final int maxThickness;
    private final int ink;

    RulingDetector(int dpi) {
        this(dpi, INK);
    }

    /** @param ink gray level below which a pixel may belong to a line */
    RulingDetector(int dpi, int ink) {
        this.ink = ink;
        this.minLength = Math.max(20, (int) Math.round(MIN_LENGTH_INCH * dpi));
        this.minAnchoredLength = Math.max(10, (int) Math.round(MIN_ANCHORED_LENGTH_INCH * dpi));
        this.minLoneLength = (int) Math.round(MIN_LONE_LENGTH_INCH * dpi);
        this.maxGap = Math.max(1, (int) Math.round(MAX_GAP_INCH * dpi));
        this.maxThickness = Math.max(3, (int) Math.round(MAX_THICKNESS_INCH * dpi));
    }

    /**
     * A rule is at least this much darker than the paper. A thin rule blurred by the scanner (0.4 pt at 200 dpi) is
     * drawn in gray, 150–170 on paper of 233, and breaks into pieces at the print limit; paper noise stays within
     * half of this.
     */
    static final int LINE_UNDER_PAPER = 40;

    List<LineSegment> find(GrayImage image) {
        int ink = Math.max(this.ink, Math.min(LOW_RESOLUTION_INK, image.paperLevel() - LINE_UNDER_PAPER));
        return find(image, ink);
    }

    private List<LineSegment> find(GrayImage image, int ink) {
        List<LineSegment> horizontal = new ArrayList<>(keepTableLines(scan(image, true, minLength, ink)));
        List<LineSegment> vertical = new ArrayList<>(keepTableLines(scan(image, false, minLength, ink)));
        // a one-row box (a table's last row carried onto the next page) has two rules and only short sides
        if (!horizontal.isEmpty() && (!vertical.isEmpty() || horizontal.size() >= 2)) addAnchoredShortLines(image, horizontal, vertical, ink);
        List<LineSegment> all = new ArrayList<>(sorted(withoutShortLoneLines(horizontal, vertical)));
        all.addAll(sorted(withoutShortLoneLines(vertical, horizontal)));
        return all;
    }

    /** The lines of {@code lines} that are long enough to stand alone or meet one of {@code across}. */
    private List<LineSegment> withoutShortLoneLines(List<LineSegment> lines, List<LineSegment> across) {
        return lines.stream().filter(l -> l.length() >= minLoneLength || across.stream().anyMatch(a -> meet(l, a))).toList();
    }

    /** Whether two perpendicular lines cross or touch (within a line's thickness). */
    private boolean meet(LineSegment l, LineSegment a) {
        int tol = maxThickness;
        return a.x0() <= l.x1() + tol && l.x0() <= a.x1() + tol && a.y0() <= l.y1() + tol && l.y0() <= a.y1() + tol;
    }

    /**
     * Adds the short lines whose two ends meet perpendicular lines already kept. Repeated until
     * stable, since a short line may end on another short line (a sub-column divider on the rule
     * under its spanning header). A separate scan, so that the short runs of text never join the
     * long lines found first.
     */
    private void addAnchoredShortLines(GrayImage image, List<LineSegment> horizontal, List<LineSegment> vertical, int ink) {
        List<LineSegment> candidates = new ArrayList<>();
        for (boolean h : new boolean[] {true, false}) {
            List<LineSegment> kept = h ? horizontal : vertical;
            for (LineSegment s : mergeNeighbours(scan(image, h, minAnchoredLength, ink))) {
                if (kept.stream().noneMatch(k -> sameLine(k, s))) candidates.add(s);
            }
        }
        boolean added = true;
        while (added) {
            added = false;
            for (var it = candidates.iterator(); it.hasNext(); ) {
                LineSegment s = it.next();
                List<LineSegment> across = s.horizontal() ? vertical : horizontal;
                if (anchored(s, true, across) && anchored(s, false, across)) {
                    (s.horizontal() ? horizontal : vertical).add(s);
                    it.remove();
                    added = true;
                }
            }
        }
    }

    /** The same ruling found again (overlapping along, within a line's thickness across). */
    private boolean sameLine(LineSegment a, LineSegment b) {
        int acrossGap = a.horizontal() ? Math.max(a.y0(), b.y0()) - Math.min(a.y1(), b.y1())
                : Math.max(a.x0(), b.x0()) - Math.min(a.x1(), b.x1());
        int alongGap = a.horizontal() ? Math.max(a.x0(), b.x0()) - Math.min(a.x1(), b.x1())
                : Math.max(a.y0(), b.y0()) - Math.min(a.y1(), b.y1());
        return acrossGap <= maxThickness && alongGap < 0;
    }

    /** Whether one end of {@code s} (its start or its end along the line) lies on one of {@code across}. */
    private boolean anchored(LineSegment s, boolean start, List<LineSegment> across) {
        int tol = maxThickness;
        int along = s.horizontal() ? (start ? s.x0() : s.x1()) : (start ? s.y0() : s.y1());
        double mid = s.horizontal() ? (s.y0() + s.y1()) / 2.0 : (s.x0() + s.x1()) / 2.0;
        for (LineSegment a : across) {
            int lo = a.horizontal() ? a.y0() : a.x0();
            int hi = a.horizontal() ? a.y1() : a.x1();
            int from = a.horizontal() ? a.x0() : a.y0();
            int to = a.horizontal() ? a.x1() : a.y1();
            if (along >= lo - tol && along <= hi + tol && mid >= from - tol && mid <= to + tol) return true;
        }
        return false;
    }

    /** Horizontal: scanlines are rows. Vertical: scanlines are columns (same code, axes swapped). */
    private List<LineSegment> scan(GrayImage image, boolean horizontal, int minLength, int ink) {
        int lines = horizontal ? image.height() : image.width();
        int along = horizontal ? image.width() : image.height();
        List<Growing> open = new ArrayList<>();
        List<Growing> done = new ArrayList<>();
        for (int s = 0; s < lines; s++) {
            List<int[]> runs = runs(image, horizontal, s, along, minLength, ink);
            List<Growing> next = new ArrayList<>();
            for (int[] run : runs) {
                Growing owner = null;
                for (Growing g : open) {
                    if (g.overlapsEnough(run[0], run[1])) { owner = g; break; }
                }
                if (owner == null) {
                    owner = new Growing(s, run[0], run[1]);
                } else {
                    open.remove(owner);
                    owner.extend(s, run[0], run[1]);
                }
                next.add(owner);
            }
            for (Growing g : open) {
                // One missing scanline (a dropout) does not end a line; two do.
                if (s - g.last >= 2) done.add(g); else next.add(g);
            }
            open = next;
        }
        done.addAll(open);
        List<LineSegment> out = new ArrayList<>();
        for (Growing g : done) {
            if (g.last - g.first + 1 > maxThickness) continue;
            out.add(horizontal ? new LineSegment(true, g.from, g.first, g.to, g.last)
                    : new LineSegment(false, g.first, g.from, g.last, g.to));
        }
        return out;
    }

    /** Dark runs of one scanline at least minLength long, bridging gaps up to maxGap. */
    private List<int[]> runs(GrayImage image, boolean horizontal, int s, int along, int minLength, int inkLevel) {
        List<int[]> runs = new ArrayList<>();
        int start = -1, lastInk = -1;
        for (int i = 0; i < along; i++) {
            boolean ink = horizontal ? image.dark(i, s, inkLevel) : image.dark(s, i, inkLevel);
            if (!ink) continue;
            if (start >= 0 && i - lastInk - 1 > maxGap) {
                if (lastInk - start + 1 >= minLength) runs.add(new int[] {start, lastInk});
                start = i;
            } else if (start < 0) {
                start = i;
            }
            lastInk = i;
        }
        if (start >= 0 && lastInk - start + 1 >= minLength) runs.add(new int[] {start, lastInk});
        return runs;
    }

    private List<LineSegment> keepTableLines(List<LineSegment> segments) {
        int longest = segments.stream().mapToInt(LineSegment::length).max().orElse(0);
        return mergeNeighbours(segments).stream()
                .filter(s -> s.length() >= MIN_SHARE_OF_LONGEST * longest)
                .toList();
    }

    private static List<LineSegment> sorted(List<LineSegment> lines) {
        return lines.stream()
                .sorted(Comparator.comparingInt((LineSegment s) -> s.horizontal() ? s.y0() : s.x0())
                        .thenComparingInt(s -> s.horizontal() ? s.x0() : s.y0()))
                .toList();
    }

    /**
     * Joins pieces of one line that noise split, lying side by side or end to end. Longest first, so the
     * pieces gather onto the main line; repeated until stable, since one join can bring new pieces in reach.
     */
    private List<LineSegment> mergeNeighbours(List<LineSegment> segments) {
        List<LineSegment> current = new ArrayList<>(segments);
        current.sort(Comparator.comparingInt(LineSegment::length).reversed());
        while (true) {
            List<LineSegment> merged = mergeOnce(current);
            if (merged.size() == current.size()) return merged;
            current = merged;
        }
    }

    private List<LineSegment> mergeOnce(List<LineSegment> segments) {
        List<LineSegment> merged = new ArrayList<>();
        for (LineSegment s : segments) {
            boolean absorbed = false;
            for (int i = 0; i < merged.size() && !absorbed; i++) {
                LineSegment m = merged.get(i);
                if (touches(m, s)) {
                    LineSegment joined = new LineSegment(m.horizontal(), Math.min(m.x0(), s.x0()), Math.min(m.y0(), s.y0()),
                            Math.max(m.x1(), s.x1()), Math.max(m.y1(), s.y1()));
                    if (joined.thickness() <= maxThickness) {
                        merged.set(i, joined);
                        absorbed = true;
                    }
                }
            }
            if (!absorbed) merged.add(s);
        }
        return merged;
    }

    private boolean touches(LineSegment a, LineSegment b) {
        int acrossGap = a.horizontal() ? Math.max(a.y0(), b.y0()) - Math.min(a.y1(), b.y1())
                : Math.max(a.x0(), b.x0()) - Math.min(a.x1(), b.x1());
        int alongGap = a.horizontal() ? Math.max(a.x0(), b.x0()) - Math.min(a.x1(), b.x1())
                : Math.max(a.y0(), b.y0()) - Math.min(a.y1(), b.y1());
        return acrossGap <= 2 && alongGap <= maxGap + 1;
    }

    /** A segment being built scanline by scanline: its extent along the line, and first/last scanline. */
    private static final class Growing {
        final int first;
        int last, from, to;

        Growing(int s, int from, int to) {
            this.first = s;
            this.last = s;
            this.from = from;
            this.to = to;
        }

        /** Runs of one line on neighbouring scanlines overlap for most of the shorter one's length. */
        boolean overlapsEnough(int a, int b) {
            int overlap = Math.min(b, to) - Math.max(a, from) + 1;
            return overlap >= 0.5 * Math.min(b - a + 1, to - from + 1);
        }

        void extend(int s, int a, int b) {
            last = s;
            from = Math.min(from, a);
            to = Math.max(to, b);
        }
    }
}

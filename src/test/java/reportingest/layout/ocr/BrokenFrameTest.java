package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scanned frame whose outer rules survived in pieces is closed; an open frame stays open (300 dpi, pixels). */
class BrokenFrameTest {
    private static final int DPI = 300;

    /** Row rules from x 100 to 2000 every 60 px from y 300, and column rules at 600 and 1200 over all of them. */
    private static List<LineSegment> body(int rows) {
        List<LineSegment> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) out.add(new LineSegment(true, 100, 300 + 60 * r, 2000, 302 + 60 * r));
        int bottom = 302 + 60 * (rows - 1);
        out.add(new LineSegment(false, 600, 300, 602, bottom));
        out.add(new LineSegment(false, 1200, 300, 1202, bottom));
        return out;
    }

    @Test
    void aSideBorderFoundInPiecesIsDrawnWholeFromTheFirstRowRuleToTheLast() {
        List<LineSegment> lines = body(10);
        lines.add(new LineSegment(false, 100, 300, 102, 420));
        List<LineSegment> closed = BrokenFrame.closed(lines, DPI);
        assertThat(closed).contains(new LineSegment(false, 100, 300, 102, 842));
        assertThat(closed).hasSize(lines.size() + 1);
    }

    @Test
    void anOpenSidedTableStaysOpen() {
        List<LineSegment> lines = body(10);
        assertThat(BrokenFrame.closed(lines, DPI)).isEqualTo(lines);
    }

    @Test
    void columnRulesRunningAboveTheFirstRowRuleGiveTheHeadersLostTopRule() {
        List<LineSegment> lines = body(10);
        lines.set(lines.size() - 2, new LineSegment(false, 600, 240, 602, 842)); // runs 60 px above the first row rule
        List<LineSegment> closed = BrokenFrame.closed(lines, DPI);
        assertThat(closed).contains(new LineSegment(true, 100, 240, 2000, 242));
        assertThat(closed).hasSize(lines.size() + 1);
    }

    @Test
    void aPieceOfABrokenBorderDrawsNoRuleAcrossTheTable() {
        List<LineSegment> lines = body(10);
        lines.add(new LineSegment(false, 2000, 500, 2002, 700)); // a piece of the right border, mid-table
        List<LineSegment> closed = BrokenFrame.closed(lines, DPI);
        assertThat(closed.stream().filter(LineSegment::horizontal).count()).isEqualTo(10);
        assertThat(closed).contains(new LineSegment(false, 1998, 300, 2000, 842));
    }
}

package reportingest.layout.ocr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Skew measurement and straightening on rendered scans, no OCR. */
class SkewCorrectorTest {
    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.7, 0.0, 0.33, 1.0, 3.0})
    void measuresSkewWithinATenthOfADegree(double turned) {
        GrayImage scan = GrayImage.of(RuledTableScan.render(turned, 20));
        assertThat(SkewCorrector.estimate(scan)).isCloseTo(turned, within(0.1));
    }

    @Test
    void straightenedScanHasItsRulingsBackOnSingleScanlines() {
        Deskewed d = new SkewCorrector().straighten(GrayImage.of(RuledTableScan.render(1.5, 0)));
        assertThat(d.angleDegrees()).isCloseTo(1.5, within(0.05));
        var lines = new RulingDetector(300).find(d.image());
        assertThat(lines.stream().filter(LineSegment::horizontal)).hasSize(RuledTableScan.horizontalRulings())
                .allSatisfy(l -> assertThat(l.thickness()).isLessThanOrEqualTo(6));
        // Turned back about the centre: the table's top rule is where it was drawn, corners are white paper.
        assertThat(lines.get(0).y0()).isBetween(RuledTableScan.TABLE_TOP - 4, RuledTableScan.TABLE_TOP + 2);
        assertThat(d.image().at(0, 0)).isEqualTo(255);
    }

    @Test
    void blankPageIsLeftAlone() {
        GrayImage blank = GrayImage.blank(800, 600);
        Deskewed d = new SkewCorrector().straighten(blank);
        assertThat(d.angleDegrees()).isZero();
        assertThat(d.image()).isSameAs(blank);
    }
}

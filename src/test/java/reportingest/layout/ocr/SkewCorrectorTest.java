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

    /**
     * A faint unruled table page as a blurred 150-dpi colour scan gives it (print in grey, little of it under 128),
     * turned 0.7°: its rows pile up only at the right angle. Sampled every other pixel row into one-row bins, 0°
     * alone filled every other bin and doubled its score, so such pages were read as straight (#11).
     */
    @ParameterizedTest
    @ValueSource(doubles = {-0.7, 0.6})
    void aFaintUnruledPageIsMeasuredNotTakenForStraight(double turned) {
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(1750, 1240, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.rotate(Math.toRadians(turned), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.setColor(new java.awt.Color(150, 150, 150));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 15));
        for (int row = 0; row < 30; row++) {
            int y = 200 + row * 30;
            g.drawString("2080" + row, 100, y);
            g.drawString("457.74", 700, y);
            g.drawString("1,234.5" + row, 1300, y);
        }
        g.dispose();
        assertThat(SkewCorrector.estimate(GrayImage.of(page))).isCloseTo(turned, within(0.15));
    }

    /**
     * A real scan turned about 0.9° (pdfplumber's pr-136 example, page 1, used in place: its text lines rise 23 px over
     * 1600 px at 300 dpi, its table's rules as much). The one-row bins read it as straight.
     */
    @Test
    void aRealScanTurnedUnderOneDegreeIsMeasured() throws java.io.IOException {
        java.nio.file.Path pr136 = java.nio.file.Path.of("..", "shared", "external", "pdfplumber", "pr-136-example.pdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(pr136), "test document not present: " + pr136);
        java.awt.image.BufferedImage page;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pr136.toFile())) {
            page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 300, org.apache.pdfbox.rendering.ImageType.GRAY);
        }
        assertThat(SkewCorrector.estimate(GrayImage.of(page))).isBetween(-1.1, -0.75);
    }
}

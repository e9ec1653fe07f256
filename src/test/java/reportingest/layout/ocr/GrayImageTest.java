package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class GrayImageTest {
    private static GrayImage gray(int... rgb) {
        BufferedImage img = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < rgb.length; x++) img.setRGB(x, 0, rgb[x]);
        return GrayImage.of(img);
    }

    @Test
    void aRedSealFadesWhileBlackPrintAndGreyPaperKeepTheirLuminance() {
        GrayImage g = gray(0x101010, 0xD03838, 0x202020, 0xC8C8C8, 0x2030B0);
        assertThat(g.at(0, 0)).isEqualTo(16);           // black print
        assertThat(g.at(1, 0)).isEqualTo(0xD0);         // seal red: its lightest channel, read as paper
        assertThat(g.at(2, 0)).isEqualTo(32);           // black print over the seal stays black
        assertThat(g.at(3, 0)).isEqualTo(0xC8);         // grey background
        assertThat(g.at(4, 0)).isEqualTo(0xB0);         // blue pen drops out the same way
    }

    @Test
    void aSlightScannerTintIsNotTakenForColouredInk() {
        // chroma 40: a warm tint on dark print, still dark
        GrayImage g = gray(0x503C28);
        assertThat(g.at(0, 0)).isEqualTo((299 * 0x50 + 587 * 0x3C + 114 * 0x28) / 1000);
    }

    /** A page of paper at {@code paper} with a share of its pixels printed at {@code print}, plus ±noise. */
    private static GrayImage page(int paper, int print, double printShare, int noise) {
        int w = 400, h = 300;
        byte[] px = new byte[w * h];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < px.length; i++) {
            int v = (i % 100) < printShare * 100 ? print : paper;
            if (noise > 0) v += r.nextInt(2 * noise + 1) - noise;
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new GrayImage(w, h, px);
    }

    @Test
    void blackPrintIsInkUnderTheUsualLevel() {
        assertThat(page(255, 10, 0.05, 0).inkLevel()).isEqualTo(GrayImage.PRINT_INK);
    }

    @Test
    void lightGrayPrintOfABlurredScanIsInkUnderItsOwnLevel() {
        // strokes at 175 on paper at 246: none is under 128, every one is print
        int level = page(246, 175, 0.05, 3).inkLevel();
        assertThat(level).isGreaterThan(178).isLessThanOrEqualTo(246 - GrayImage.PAPER_MARGIN);
    }

    @Test
    void aBlankPagesNoiseIsNeverInk() {
        GrayImage blank = page(240, 240, 0, 6);
        int level = blank.inkLevel();
        assertThat(level).isLessThanOrEqualTo(240 - GrayImage.PAPER_MARGIN);
        int dark = 0;
        for (int y = 0; y < blank.height(); y++) for (int x = 0; x < blank.width(); x++) if (blank.dark(x, y, level)) dark++;
        assertThat(dark).isZero();
    }

    @Test
    void aBlankPageIsBlankAndOneSmallMarkOfPrintIsNot() {
        assertThat(page(247, 247, 0, 6).blank()).isTrue();
        // a stroke of 60 pixels (less than a small character has) is print
        byte[] px = new byte[400 * 300];
        java.util.Arrays.fill(px, (byte) 247);
        for (int y = 100; y < 110; y++) for (int x = 200; x < 206; x++) px[y * 400 + x] = 20;
        assertThat(new GrayImage(400, 300, px).blank()).isFalse();
    }

    @Test
    void resamplingToTheWorkingResolutionLeavesNoDarkEdge() {
        // 1653 px at 1.5 is 2479.5: the last column fell outside the image and came out black, a rule on every page
        byte[] px = new byte[1653 * 7];
        java.util.Arrays.fill(px, (byte) 250);
        GrayImage up = OcrResolution.resample(new GrayImage(1653, 7, px), 200, 300);
        assertThat(up.width()).isEqualTo(2480);
        for (int y = 0; y < up.height(); y++) for (int x = 0; x < up.width(); x++) assertThat(up.at(x, y)).as("(%d,%d)", x, y).isGreaterThan(240);
        // a 72-dpi page read at 300: more than one column past the last pixel's middle
        byte[] small = new byte[101 * 9];
        java.util.Arrays.fill(small, (byte) 250);
        GrayImage big = OcrResolution.resample(new GrayImage(101, 9, small), 72, 300);
        for (int y = 0; y < big.height(); y++) for (int x = 0; x < big.width(); x++) assertThat(big.at(x, y)).as("(%d,%d)", x, y).isGreaterThan(240);
    }

    @Test
    void aOneBitPageIsBilevelAndSmoothedToGrayAtItsEdges() {
        byte[] px = new byte[20 * 20];
        java.util.Arrays.fill(px, (byte) 0xFF);
        for (int y = 5; y < 15; y++) for (int x = 8; x < 12; x++) px[y * 20 + x] = 0;   // a black bar
        GrayImage oneBit = new GrayImage(20, 20, px);
        assertThat(oneBit.bilevel()).isTrue();
        GrayImage smooth = oneBit.smoothed(1.0);
        assertThat(smooth.bilevel()).as("edges now gray").isFalse();
        assertThat(smooth.at(9, 10)).isLessThan(80);            // inside the bar: still dark
        assertThat(smooth.at(7, 10)).isBetween(100, 240);       // just outside its edge: gray
        assertThat(smooth.at(1, 1)).isEqualTo(255);             // paper stays paper
        assertThat(page(230, 40, 0.05, 20).bilevel()).as("a gray scan with noise").isFalse();
    }

    @Test
    void aPageTurnsByQuarters() {
        // 3 x 2: a dark pixel at the top left
        byte[] px = {0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255};
        GrayImage g = new GrayImage(3, 2, px);
        GrayImage cw = g.turned(90);
        assertThat(cw.width()).isEqualTo(2);
        assertThat(cw.height()).isEqualTo(3);
        assertThat(cw.at(1, 0)).isZero();                       // top left goes to top right turning clockwise
        assertThat(g.turned(180).at(2, 1)).isZero();
        assertThat(g.turned(270).at(0, 2)).isZero();
        assertThat(g.turned(0)).isSameAs(g);
    }
}

package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Line detection and erasing on drawn images, no OCR. */
class RulingDetectorTest {
    @Test
    void findsTheGridOfARenderedTableButNotItsText() {
        GrayImage page = GrayImage.of(RuledTableScan.render(0, 0));
        List<LineSegment> lines = new RulingDetector(300).find(page);
        assertThat(lines.stream().filter(LineSegment::horizontal)).hasSize(RuledTableScan.horizontalRulings());
        assertThat(lines.stream().filter(l -> !l.horizontal())).hasSize(RuledTableScan.verticalRulings());
        assertThat(lines).allSatisfy(l -> assertThat(l.thickness()).isLessThanOrEqualTo(5));
    }

    @Test
    void findsALightRuleByItsDarknessUnderThePaperNotByAFixedInkLevel() {
        // A 96-dpi render draws a hairline rule as one light-gray pixel row (170); upsampled it stays light.
        BufferedImage white = canvas(1200, 800);
        Graphics2D g = white.createGraphics();
        g.setColor(new Color(170, 170, 170));
        g.fillRect(100, 400, 1000, 3);
        g.dispose();
        assertThat(new RulingDetector(300, OcrResolution.rulingInk(300)).find(GrayImage.of(white)))
                .containsExactly(new LineSegment(true, 100, 400, 1099, 402));
        // on gray paper (225) a mark of 195 is paper, however long
        BufferedImage gray = canvas(1200, 800);
        g = gray.createGraphics();
        g.setColor(new Color(225, 225, 225));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(195, 195, 195));
        g.fillRect(100, 400, 1000, 3);
        g.dispose();
        assertThat(new RulingDetector(300, OcrResolution.rulingInk(300)).find(GrayImage.of(gray))).isEmpty();
    }

    @Test
    void findsAThinBlurredRuleOnNoisyGrayPaperWhole() {
        // 0.4 pt at 200 dpi, blurred by the scanner: a rule of 150–170 on paper of 233 with noise of σ 6, which the
        // print limit (160) broke into pieces too short to be rules
        int w = 1600, h = 400;
        byte[] px = new byte[w * h];
        java.util.Random noise = new java.util.Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double level = 233;
                if (y == 200) level = 160 + 8 * Math.sin(x / 37.0);
                else if (y == 199 || y == 201) level = 205;
                level += 6 * noise.nextGaussian();
                px[y * w + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(level)));
            }
        }
        List<LineSegment> lines = new RulingDetector(200, OcrResolution.rulingInk(200)).find(new GrayImage(w, h, px));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).horizontal()).isTrue();
        assertThat(lines.get(0).length()).isGreaterThanOrEqualTo(w - 10);
    }

    @Test
    void ignoresFilledAreasAndShortDashes() {
        BufferedImage img = canvas(1200, 800);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 100, 600, 200);      // a stamp or photo: too thick
        g.fillRect(100, 500, 90, 3);         // shorter than 0.4 inch
        g.fillRect(100, 700, 1000, 3);       // a real rule
        g.dispose();
        List<LineSegment> lines = new RulingDetector(300).find(GrayImage.of(img));
        assertThat(lines).containsExactly(new LineSegment(true, 100, 700, 1099, 702));
    }

    /**
     * A two-level header: 支出功能分类科目编码 spans 类 | 款 | 项, whose rule and dividers are far
     * shorter than the table's lines; the 合计 row spans the code columns, so the dividers stop above it.
     */
    @Test
    void keepsTheShortRulesOfASubHeaderWhoseEndsMeetTheGrid() {
        BufferedImage img = canvas(2400, 1400);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        for (int y : new int[] {100, 200, 400, 480, 560, 640, 720, 800, 880, 960, 1040, 1120, 1200}) g.fillRect(100, y, 2200, 3);
        g.fillRect(100, 300, 300, 3);                                      // under the spanning header: 300 px
        for (int x : new int[] {100, 500, 1000, 1500, 2297}) g.fillRect(x, 100, 3, 1103);
        for (int x : new int[] {200, 300}) {
            g.fillRect(x, 300, 3, 103);                                    // 类|款 and 款|项 in the header: 103 px
            g.fillRect(x, 480, 3, 723);                                    // below the 合计 row (400–480)
        }
        g.fillRect(400, 200, 3, 203);                                      // 项 | 科目名称 in the header
        g.fillRect(400, 480, 3, 723);
        g.fillRect(1100, 600, 60, 3);                                      // a stroke of text inside a cell
        g.fillRect(1503, 650, 60, 3);                                      // a stroke touching one ruling only
        g.dispose();

        List<LineSegment> lines = new RulingDetector(300).find(GrayImage.of(img));

        assertThat(lines).contains(
                new LineSegment(true, 100, 300, 402, 302),
                new LineSegment(false, 200, 300, 202, 402),
                new LineSegment(false, 300, 300, 302, 402),
                new LineSegment(false, 400, 200, 402, 402));
        assertThat(lines.stream().filter(LineSegment::horizontal)).hasSize(14);
        assertThat(lines.stream().filter(l -> !l.horizontal())).hasSize(11);
    }

    /**
     * A table's last row carried alone onto the next page (人员经费合计 | 754.09 | 公用经费合计 | 279.67): two long rules
     * and sides 75 px tall, shorter than any long ruling. Its sides meet both rules, so they are its cell borders;
     * without them no cell was found and the row was lost.
     */
    @Test
    void keepsTheShortSidesOfAOneRowBox() {
        BufferedImage img = canvas(2400, 400);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        for (int y : new int[] {100, 175}) g.fillRect(175, y, 2050, 3);
        for (int x : new int[] {175, 945, 1195, 1965, 2222}) g.fillRect(x, 100, 3, 78);
        g.fillRect(500, 120, 3, 40);                                       // a stroke of a character: meets neither rule
        g.dispose();

        List<LineSegment> lines = new RulingDetector(300).find(GrayImage.of(img));

        assertThat(lines.stream().filter(LineSegment::horizontal)).hasSize(2);
        assertThat(lines.stream().filter(l -> !l.horizontal())).extracting(LineSegment::x0).containsExactly(175, 945, 1195, 1965, 2222);
    }

    @Test
    void bridgesSmallDropoutsInALine() {
        BufferedImage img = canvas(1200, 200);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 100, 1000, 3);
        g.setColor(Color.WHITE);
        g.fillRect(400, 100, 2, 3);          // a 2-px break from a worn scan
        g.fillRect(700, 101, 30, 1);         // the middle scanline thinned out
        g.dispose();
        List<LineSegment> lines = new RulingDetector(300).find(GrayImage.of(img));
        assertThat(lines).containsExactly(new LineSegment(true, 100, 100, 1099, 102));
    }

    @Test
    void erasingLeavesTextTouchingNothingOfTheLine() {
        BufferedImage img = canvas(1200, 200);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 100, 1000, 3);
        g.fillRect(500, 140, 20, 30);        // a glyph below the line
        g.dispose();
        GrayImage gray = GrayImage.of(img);
        GrayImage erased = new RulingEraser(300).erase(gray, new RulingDetector(300).find(gray));
        assertThat(erased.at(300, 101)).isEqualTo(255);
        assertThat(erased.at(510, 150)).isEqualTo(0);
        assertThat(gray.at(300, 101)).as("input untouched").isEqualTo(0);
    }

    /**
     * A rule of a blurred 150-dpi scan brought up to 300 dpi, as measured on one (levels of the rows across
     * it, paper at 245; the page came at 150 dpi): the fringe the fixed margin left (231 and 230 a row further out) read as "-" and "|".
     */
    @Test
    void erasingTakesTheGrayFringeOfABlurredRuleButNotTextPrintedCloseToIt() {
        int[] across = {245, 245, 240, 231, 213, 187, 159, 140, 139, 157, 184, 210, 230, 240, 245, 245};
        int top = 90;
        byte[] px = new byte[1200 * 200];
        java.util.Arrays.fill(px, (byte) 245);
        for (int i = 0; i < across.length; i++) {
            for (int x = 100; x < 1100; x++) px[(top + i) * 1200 + x] = (byte) across[i];
        }
        for (int y = top + 14; y < top + 44; y++) {
            for (int x = 500; x < 520; x++) px[y * 1200 + x] = 20;   // a glyph 4 px under the rule's fringe
        }
        GrayImage gray = new GrayImage(1200, 200, px);
        List<LineSegment> lines = new RulingDetector(300).find(gray);
        assertThat(lines).hasSize(1);

        GrayImage erased = new RulingEraser(300, 150).erase(gray, lines);

        for (int i = 0; i < across.length; i++) {
            assertThat(erased.at(300, top + i)).as("row %d across the rule", i).isGreaterThanOrEqualTo(240);
        }
        assertThat(erased.at(510, top + 20)).as("the glyph").isEqualTo(20);
        assertThat(erased.at(510, top + 16)).as("the glyph's top").isEqualTo(20);
    }

    static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}

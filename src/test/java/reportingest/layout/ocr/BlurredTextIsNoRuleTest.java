package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import reportingest.layout.Page;
import reportingest.layout.Word;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a blurred, level-compressed scan the bottoms of a row of digits run together into one dark run as long as a
 * short rule. Taken for a rule and erased, it took the print it runs through with it: every code and the name of
 * such a row were lost (a 150-dpi grey scan of an unruled 支出决算表 drawn by Chromium with WenQuanYi Zen Hei; the crop
 * in src/test/resources/ocr-images is rows 208…210 of its page 2).
 */
class BlurredTextIsNoRuleTest {
    private static final String CROP = "/ocr-images/unruled-expenditure-150dpi-grey-degraded.png";

    @Test
    void aShortDarkRunMeetingNoLineAcrossItIsNoRule() {
        BufferedImage img = RulingDetectorTest.canvas(2400, 1200);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 200, 180, 3);   // 0.6 inch, alone: the run along the bottoms of a code's digits
        g.fillRect(100, 900, 270, 3);   // 0.9 inch, ending on the vertical rule across it
        g.fillRect(370, 800, 3, 300);
        g.dispose();
        List<LineSegment> lines = new RulingDetector(300).find(GrayImage.of(img));
        assertThat(lines.stream().filter(LineSegment::horizontal).map(LineSegment::y0)).containsExactly(900);
        assertThat(lines.stream().filter(l -> !l.horizontal()).map(LineSegment::x0)).containsExactly(370);
    }

    @Test
    void aLongRuleAloneIsARule() {
        BufferedImage img = RulingDetectorTest.canvas(2400, 1200);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 600, 1500, 3);  // 5 inch, alone: a rule of a three-line table
        g.dispose();
        assertThat(new RulingDetector(300).find(GrayImage.of(img))).containsExactly(new LineSegment(true, 100, 600, 1599, 602));
    }

    @Test
    void theCodesOfABlurredUnruledScanAreReadNotErasedAsRules() throws IOException {
        BufferedImage crop;
        try (InputStream in = BlurredTextIsNoRuleTest.class.getResourceAsStream(CROP)) {
            crop = ImageIO.read(in);
        }
        TesseractOcr ocr = new TesseractOcr(TesseractOcrTest.TESSDATA, "chi_sim+eng");
        try {
            OcrReading reading = ocr.readMeasured(crop, 1, 150);
            assertThat(reading.horizontalRulings()).isZero();
            List<String> words = reading.page().lines().stream().flatMap(l -> l.words().stream()).map(Word::text).toList();
            assertThat(words).contains("208", "20805", "2080501", "2080505", "2080506", "20899", "2089999", "210");
        } finally {
            ocr.close();
        }
    }
}

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

    static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}

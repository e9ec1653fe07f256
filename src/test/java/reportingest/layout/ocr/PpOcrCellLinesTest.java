package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** PP-OCR's crops of a cell's text lines follow the page's ink, however light the scan prints it. */
class PpOcrCellLinesTest {
    /** A 300-dpi page of paper at 240 with a cell whose one line of print is light grey (170), as a faded grey scan gives. */
    private static GrayImage fadedCell() {
        int w = 600, h = 300;
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 240);
        for (int y = 120; y < 160; y++) for (int x = 100; x < 400; x += 3) { px[y * w + x] = (byte) 170; px[y * w + x + 1] = (byte) 170; }
        return new GrayImage(w, h, px);
    }

    @Test
    void aLightGreyLineIsFoundAtThePagesOwnInkLevel() {
        GrayImage image = fadedCell();
        RuledCells.Cell cell = new RuledCells.Cell(50, 80, 550, 200);
        assertThat(PpOcrReader.lines(image, cell, 300, 128)).as("at a fixed 128 the print is paper").isEmpty();
        assertThat(PpOcrReader.lines(image, cell, 300, image.inkLevel())).singleElement()
                .satisfies(c -> assertThat(c.y0()).isLessThanOrEqualTo(120).isGreaterThanOrEqualTo(80))
                .satisfies(c -> assertThat(c.y1()).isGreaterThanOrEqualTo(160).isLessThanOrEqualTo(200));
    }

    /**
     * A line's crop holds a margin around its print (and the detector grows its boxes outward): a word boxed to the
     * crop stood a third taller than Tesseract's for the same print, and a header line holding both read as a title's
     * larger type (seed 662607015's 收入决算表 scanned at 200 dpi, both engines: its header left out of the table).
     */
    @Test
    void aWordIsBoxedToTheRowsOfInkItSpansNotToItsCrop() {
        GrayImage image = fadedCell();
        int ink = image.inkLevel();
        java.util.List<OcrWord> words = java.util.List.of(new OcrWord("收入", 90, 100, 250, 180, 99.0),
                new OcrWord("合计", 420, 100, 500, 180, 98.0));
        assertThat(PpOcrReader.inked(words, image, ink)).containsExactly(new OcrWord("收入", 90, 120, 250, 160, 99.0),
                new OcrWord("合计", 420, 100, 500, 180, 98.0)); // no ink under it: its box as read
    }
}

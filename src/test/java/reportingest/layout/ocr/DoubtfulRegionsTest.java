package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What PP-OCR is asked to read under ingest.ocr.second-reading=doubtful (pixels at 300 dpi). */
class DoubtfulRegionsTest {
    private static final int W = 1000, H = 800;
    private static final RuledCells.Cell SURE_AMOUNT = new RuledCells.Cell(100, 300, 400, 360);
    private static final RuledCells.Cell UNSURE_AMOUNT = new RuledCells.Cell(400, 300, 700, 360);
    private static final RuledCells.Cell JUNK_HEADER = new RuledCells.Cell(100, 240, 400, 300);
    private static final RuledCells.Cell DASH = new RuledCells.Cell(700, 300, 900, 360);
    private static final RuledCells.Cell INK_NO_WORD = new RuledCells.Cell(100, 360, 400, 420);
    private static final RuledCells.Cell BLANK = new RuledCells.Cell(400, 360, 700, 420);
    private static final RuledCells.Cell LABEL_85 = new RuledCells.Cell(100, 420, 400, 480);
    private static final RuledCells.Cell LABEL_75 = new RuledCells.Cell(100, 480, 400, 540);
    private static final RuledCells.Cell AMOUNT_85 = new RuledCells.Cell(400, 420, 700, 480);
    private static final List<RuledCells.Cell> CELLS = List.of(SURE_AMOUNT, UNSURE_AMOUNT, JUNK_HEADER, DASH, INK_NO_WORD, BLANK,
            LABEL_85, LABEL_75, AMOUNT_85);

    /** A white page with a dark blot inside INK_NO_WORD (print Tesseract gave no word for). */
    private static GrayImage page() {
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 0xFF);
        for (int y = 375; y < 400; y++) for (int x = 150; x < 180; x++) px[y * W + x] = 0;
        return new GrayImage(W, H, px);
    }

    @Test
    void cellsWithAnUnsureWordLettersAloneOrInkButNoWordAreReadAgainOthersNot() {
        // unsure: an amount below 90, Chinese text below 80, letters alone at any confidence
        List<OcrWord> words = List.of(
                new OcrWord("1,234.56", 250, 315, 390, 345, 96),  // sure amount
                new OcrWord("5,678.00", 550, 315, 690, 345, 96),
                new OcrWord("12", 520, 315, 545, 345, 71),        // one unsure word makes its cell unsure
                new OcrWord("TAR", 120, 255, 200, 285, 93),       // letters alone, however confident: junk for Chinese
                new OcrWord("—", 780, 315, 820, 345, 95),         // a dash for nil is no junk
                // Chinese text at 80-90: PP-OCR's reading of a label replaces Tesseract's only below 80, so not asked
                new OcrWord("人大事务", 120, 435, 300, 465, 85),
                new OcrWord("行政运行", 120, 495, 300, 525, 75),
                new OcrWord("456.78", 550, 435, 690, 465, 85));   // an amount at 85 is asked: the identities referee it
        assertThat(DoubtfulRegions.cells(words, CELLS, page())).containsExactly(UNSURE_AMOUNT, JUNK_HEADER, INK_NO_WORD,
                LABEL_75, AMOUNT_85);
    }

    @Test
    void outsideTheCellsEachBandOfLinesHoldingAnUnsureWordIsOneRectangleTheWidthOfItsLine() {
        List<OcrWord> words = List.of(
                // a title line: two sure words and an unsure one; the rectangle covers the whole line
                new OcrWord("2024年度", 300, 100, 420, 140, 95),
                new OcrWord("部门决算", 430, 100, 560, 140, 62),
                new OcrWord("表", 570, 100, 610, 140, 96),
                // a sure line between: not looked at
                new OcrWord("单位：万元", 800, 180, 950, 210, 97),
                // two unsure note lines close together: one band
                new OcrWord("注：本表", 100, 600, 220, 640, 70),
                new OcrWord("lorem", 100, 650, 260, 690, 99),
                // in a cell: the cell's, not outside
                new OcrWord("8.00", 250, 315, 390, 345, 40));
        List<RuledCells.Cell> out = DoubtfulRegions.outside(words, CELLS, W, H);
        assertThat(out).containsExactly(
                new RuledCells.Cell(300 - 40, 100 - 20, 610 + 40, 140 + 20),
                new RuledCells.Cell(100 - 40, 600 - 20, 260 + 40, 690 + 20));
    }

    @Test
    void nothingUnsureOutsideTheCellsMeansNoDetectionAtAll() {
        List<OcrWord> words = List.of(new OcrWord("2024年度部门决算表", 300, 100, 610, 140, 95),
                new OcrWord("5,678.00", 550, 315, 690, 345, 50));
        assertThat(DoubtfulRegions.outside(words, CELLS, W, H)).isEmpty();
        assertThat(DoubtfulRegions.outside(List.of(), List.of(), W, H)).isEmpty();
    }

    @Test
    void rectanglesStayOnThePage() {
        List<OcrWord> words = List.of(new OcrWord("x", 0, 0, 30, 20, 10), new OcrWord("y", 980, 785, 1000, 800, 10));
        assertThat(DoubtfulRegions.outside(words, List.of(), W, H)).allSatisfy(r -> {
            assertThat(r.x0()).isGreaterThanOrEqualTo(0);
            assertThat(r.y0()).isGreaterThanOrEqualTo(0);
            assertThat(r.x1()).isLessThanOrEqualTo(W);
            assertThat(r.y1()).isLessThanOrEqualTo(H);
        });
    }
}

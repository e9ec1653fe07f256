package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import javax.imageio.ImageIO;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LineRereaderTest {
    @Test
    void lineIsCutIntoPartsAtWideGapsAndWordsOfOneRowStayTogether() {
        List<OcrWord> words = List.of(
                new OcrWord("部门：", 200, 400, 320, 440, 90),
                new OcrWord("测试局", 330, 402, 450, 442, 90),
                new OcrWord("单位：万元", 3000, 401, 3200, 441, 90),
                new OcrWord("Sh", 1600, 290, 1700, 360, 54),
                new OcrWord("REAR", 1720, 292, 1900, 362, 50));

        List<List<OcrWord>> parts = LineRereader.lineParts(words);

        assertThat(parts).extracting(p -> p.stream().map(OcrWord::text).collect(Collectors.joining("|")))
                .containsExactly("Sh|REAR", "部门：|测试局", "单位：万元");
    }

    @Test
    void wordsOfANeighbourThatTheCropTookInAreNotAddedTwice() {
        // the page's own reading of the header line under the one read again (as seed 173205080's 200-dpi 三公 scan)
        List<OcrWord> page = List.of(new OcrWord("小", 192, 158, 209, 167, 93), new OcrWord("计", 203, 157, 210, 168, 92),
                new OcrWord("用", 252, 157, 261, 171, 97));
        // the second reading of the line 4 px above: its own words, then the neighbour's again, then one twice
        List<OcrWord> after = List.of(new OcrWord("公务", 302, 152, 364, 161, 96), new OcrWord("计", 202, 158, 209, 167, 93),
                new OcrWord("用", 247, 158, 264, 167, 97), new OcrWord("车", 331, 151, 341, 165, 97),
                new OcrWord("车", 332, 152, 341, 165, 90), new OcrWord("小", 240, 158, 250, 167, 90));

        assertThat(LineRereader.notReadYet(after, page)).extracting(OcrWord::text)
                .as("公务 and 车 are new; 计 and 用 the neighbour's again; 车 once; a 小 elsewhere on the line is new")
                .containsExactly("公务", "车", "小");
    }

    @Test
    void aChineseWordBoxedOverThePrintBesideItSwallowsIt() {
        // c01 p76 at 300 dpi: 预算 boxed over 预算结余决算草案 (745 px for two characters 82 px high); 草案 was never read
        assertThat(LineRereader.swallows(new OcrWord("预算", 868, 623, 1613, 705, 92))).isTrue();
        assertThat(LineRereader.swallows(new OcrWord("结余", 1068, 619, 1232, 728, 96))).isFalse();
        // figures and wide spacing of a short word are no swallowing: 科 目 printed spaced out, 2,345.60
        assertThat(LineRereader.swallows(new OcrWord("科目", 100, 600, 380, 680, 90))).isFalse();
        assertThat(LineRereader.swallows(new OcrWord("2,345.60", 100, 600, 900, 640, 90))).isFalse();
    }

    @Test
    void aCropIsScaledDownOntoAWhiteMargin() {
        byte[] px = new byte[400 * 200];
        java.util.Arrays.fill(px, (byte) 0xFF);
        for (int y = 80; y < 120; y++) for (int x = 140; x < 260; x++) px[y * 400 + x] = 0;   // ink
        GrayImage crop = LineRereader.scaledCrop(new GrayImage(400, 200, px), 100, 50, 300, 150, 0.5);

        assertThat(crop.width()).isEqualTo(100 + 24);
        assertThat(crop.height()).isEqualTo(50 + 24);
        assertThat(crop.at(5, 5)).as("margin").isEqualTo(255);
        assertThat(crop.at(12 + 40, 12 + 25)).as("ink at (200,100), halved, past the margin").isLessThan(60);
        assertThat(crop.at(12 + 5, 12 + 25)).as("paper at (110,100)").isEqualTo(255);
    }

    /** A faint mark on the ruling between two header cells is the table's, not a line to read again. */
    @Test
    void doubtfulWordsTouchingACellAreLeftToTheCellReading() {
        List<RuledCells.Cell> cells = List.of(new RuledCells.Cell(1300, 460, 1570, 612), new RuledCells.Cell(1588, 460, 1860, 612));
        List<OcrWord> words = List.of(
                new OcrWord("合计", 1487, 486, 1565, 581, 85),
                new OcrWord("。", 1576, 486, 1595, 581, 45));

        // No engine: nothing outside the cells is doubtful, so nothing is read again.
        assertThat(LineRereader.improve(null, GrayImage.blank(3507, 2480), 300, words, cells)).isEqualTo(words);
    }

    /**
     * The 支出决算表 page of a scanned report: page OCR (psm 6, sized for the body text) reads the
     * large title as Latin junk; read again as one line at body-text size it is the title.
     */
    @Test
    void aTitlePrintedLargerThanTheBodyIsReadAgainAsOneLine() throws Exception {
        var image = ImageIO.read(new File("fixtures/scans/001_a8898a713e576bc4-t03.page.png"));
        try (TesseractOcr ocr = new TesseractOcr(TesseractOcrTest.TESSDATA, "chi_sim+eng")) {
            Page page = ocr.read(image, 1, 300);
            List<String> lines = page.lines().stream()
                    .map(l -> l.words().stream().map(Word::text).collect(Collectors.joining()))
                    .toList();
            assertThat(lines.subList(0, 3)).containsExactly("公开03表", "支出决算表", "部门:道县医疗保障局单位:万元");
            TextLine title = page.lines().get(1);
            assertThat(title.words()).allSatisfy(w -> assertThat(w.confidence()).isGreaterThan(80));
            assertThat(title.words().get(0).bbox().x()).isBetween(370.0, 400.0);
        }
    }
}

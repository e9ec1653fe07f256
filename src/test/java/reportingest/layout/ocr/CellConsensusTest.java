package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import reportingest.layout.OtherReading;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How the two engines' readings of ruled cells are put together on the page (pixels at 300 dpi). */
class CellConsensusTest {
    private static final RuledCells.Cell AMOUNT = new RuledCells.Cell(100, 100, 500, 200);
    private static final RuledCells.Cell NAME = new RuledCells.Cell(500, 100, 900, 200);
    private static final double PT = 72.0 / 300;

    private static PpOcrReader.CellText read(String text, double confidence) {
        return new PpOcrReader.CellText(text, confidence, List.of());
    }

    @Test
    void theSameReadingRaisesTheWordsConfidenceAndADifferentOneIsKeptBesideThePage() {
        OcrWord amount = new OcrWord("1,234.56", 300, 130, 480, 170, 72);
        OcrWord name = new OcrWord("人大事务", 520, 130, 700, 170, 91);
        CellConsensus.Result r = CellConsensus.apply(List.of(amount, name), List.of(AMOUNT, NAME),
                List.of(read("1284.56", 99.1), read("人大 事务", 98.0)), PT);
        assertThat(r.agreed()).isEqualTo(1);
        OcrWord sure = r.words().stream().filter(w -> w.text().equals("人大事务")).findFirst().orElseThrow();
        assertThat(sure.confidence()).isCloseTo(99.5, within(0.01)); // (100 - 98) / 4 doubt left
        assertThat(r.words()).contains(amount); // the first engine's words stay as they are
        assertThat(r.others()).singleElement().satisfies(o -> {
            assertThat(o.text()).isEqualTo("1284.56");
            assertThat(o.primaryText()).isEqualTo("1,234.56");
            assertThat(o.engine()).isEqualTo("ppocr");
            assertThat(o.bbox().x()).isCloseTo(24.0, within(1e-9));
            assertThat(o.bbox().width()).isCloseTo(96.0, within(1e-9));
            assertThat(o.contains(60, 36)).isTrue();
        });
    }

    @Test
    void aCellOnlyOneEngineReadIsADisagreementAndAnEmptyOneIsNot() {
        CellConsensus.Result r = CellConsensus.apply(List.of(), List.of(AMOUNT, NAME), List.of(read("200.00", 97), read("", 0)), PT);
        assertThat(r.others()).extracting(OtherReading::text).containsExactly("200.00");
        assertThat(r.others().get(0).primaryText()).isEmpty();
    }

    @Test
    void inATextCellTheSurerReadingMakesThePageWordsAndNothingIsDisputed() {
        // the generated calc scan (seed 20261206): Tesseract read the header 项目支出 as "TAR SH", PP-OCR at 100
        OcrWord junk1 = new OcrWord("TAR", 120, 130, 200, 170, 41), junk2 = new OcrWord("SH", 220, 130, 300, 170, 38);
        OcrWord pp = new OcrWord("项目支出", 110, 120, 480, 180, 100);
        CellConsensus.Result r = CellConsensus.apply(List.of(junk1, junk2), List.of(AMOUNT),
                List.of(new PpOcrReader.CellText("项目支出", 100, List.of(pp))), PT);
        assertThat(r.words()).containsExactly(pp);
        assertThat(r.textTaken()).isEqualTo(1);
        assertThat(r.others()).isEmpty();
        // an unsure PP-OCR reading of text leaves Tesseract's words alone, and is not an amount to dispute either
        CellConsensus.Result unsure = CellConsensus.apply(List.of(junk1, junk2), List.of(AMOUNT),
                List.of(new PpOcrReader.CellText("项目文出", 70, List.of(pp))), PT);
        assertThat(unsure.words()).containsExactly(junk1, junk2);
        // Chinese against Chinese: a sure Tesseract reading stays, an unsure one gives way
        OcrWord sure = new OcrWord("项目文出", 120, 130, 300, 170, 92);
        assertThat(CellConsensus.apply(List.of(sure), List.of(AMOUNT),
                List.of(new PpOcrReader.CellText("项目支出", 100, List.of(pp))), PT).words()).containsExactly(sure);
        OcrWord unsureWord = new OcrWord("项目文出", 120, 130, 300, 170, 61);
        assertThat(CellConsensus.apply(List.of(unsureWord), List.of(AMOUNT),
                List.of(new PpOcrReader.CellText("项目支出", 100, List.of(pp))), PT).words()).containsExactly(pp);
    }

    @Test
    void readingsAreComparedWithoutSpacesThousandsSeparatorsOrFullWidthForms() {
        assertThat(CellConsensus.key(" １,２34.５6 ")).isEqualTo("1234.56");
        assertThat(CellConsensus.key("一般 公共服务")).isEqualTo("一般公共服务");
    }
}

package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuledCellsTest {
    // Two header cells of a ruled table at 300 dpi, the ruling between them (x 968..980) erased.
    private final RuledCells.Cell rowNo = new RuledCells.Cell(868, 536, 968, 644);
    private final RuledCells.Cell amount = new RuledCells.Cell(980, 536, 1232, 644);
    private final List<RuledCells.Cell> cells = List.of(rowNo, amount);

    @Test
    void aWordBoxedAcrossAnErasedRulingCountsForBothCellsItOverlaps() {
        // Tesseract's box for the second glyph of 行次 reached past the ruling: its centre (979.5) is on the line.
        OcrWord first = new OcrWord("行", 881, 573, 953, 608, 86);
        OcrWord across = new OcrWord("次", 947, 544, 1012, 624, 35);
        OcrWord header = new OcrWord("金额", 1071, 572, 1144, 608, 81);
        List<OcrWord> words = List.of(first, across, header);

        assertThat(RuledCells.inside(words, rowNo, cells)).containsExactly(first, across);
        assertThat(RuledCells.inside(words, amount, cells)).containsExactly(across, header);
    }

    @Test
    void aWordCentredInACellBelongsToThatCellAloneEvenWhenItsBoxOverhangs() {
        OcrWord overhanging = new OcrWord("1,870.33", 990, 560, 1240, 600, 90);

        assertThat(RuledCells.inside(List.of(overhanging), amount, cells)).containsExactly(overhanging);
        assertThat(RuledCells.inside(List.of(overhanging), rowNo, cells)).isEmpty();
    }

    @Test
    void aWordOutsideEveryCellBelongsToNone() {
        OcrWord title = new OcrWord("财政拨款收入支出决算总表", 1200, 200, 2200, 260, 95);

        assertThat(RuledCells.inside(List.of(title), rowNo, cells)).isEmpty();
        assertThat(RuledCells.inside(List.of(title), amount, cells)).isEmpty();
    }
}

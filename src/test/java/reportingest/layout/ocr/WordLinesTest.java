package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordLinesTest {
    @Test
    void wordsOfOneRowFormOneLineLeftToRightAndRowsGoTopToBottom() {
        List<OcrWord> words = List.of(
                new OcrWord("765.43", 2200, 602, 2380, 640, 93),
                new OcrWord("208", 140, 600, 220, 640, 92),
                new OcrWord("201", 140, 500, 220, 540, 97),
                new OcrWord(",", 900, 628, 906, 642, 60),     // punctuation sits low but belongs to its row
                new OcrWord("社会", 440, 598, 520, 642, 97));
        List<TextLine> lines = WordLines.group(words, 72.0 / 300);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).words()).extracting(Word::text).containsExactly("201");
        assertThat(lines.get(1).words()).extracting(Word::text).containsExactly("208", "社会", ",", "765.43");
        assertThat(lines).extracting(TextLine::lineNo).containsExactly(1, 2);
    }

    @Test
    void boxesAreConvertedToPoints() {
        Word w = WordLines.group(List.of(new OcrWord("1", 300, 600, 600, 900, 90)), 72.0 / 300).get(0).words().get(0);
        assertThat(w.bbox().x()).isEqualTo(72.0);
        assertThat(w.bbox().y()).isEqualTo(144.0);
        assertThat(w.bbox().width()).isEqualTo(72.0);
        assertThat(w.confidence()).isEqualTo(90.0);
    }

    @Test
    void aWordSpanningTwoRowsDoesNotMergeThem() {
        // A label in a cell merged over two rows sits between them; the rows must stay two lines.
        List<OcrWord> words = List.of(
                new OcrWord("1.00", 1000, 400, 1100, 440, 93),
                new OcrWord("合计", 100, 400, 200, 490, 93),
                new OcrWord("2.00", 1000, 450, 1100, 490, 93));
        List<TextLine> lines = WordLines.group(words, 1);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).words()).extracting(Word::text).containsExactly("2.00");
    }
}

package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Letters alone on a Chinese page are read again; only a sure Chinese reading replaces them. */
class LatinJunkTest {
    private static OcrWord word(String text, double confidence) {
        return new OcrWord(text, 0, 0, 10, 10, confidence);
    }

    @Test
    void lettersAloneOnAChinesePageAreSuspectWhateverTheirConfidence() {
        List<OcrWord> page = List.of(word("国有资本", 96), word("合计", 97), word("基本支出", 95), word("ait", 86));
        assertThat(LatinJunk.chinesePage(page)).isTrue();
        assertThat(LatinJunk.suspect(List.of(word("ait", 86)))).isTrue();
        assertThat(LatinJunk.suspect(List.of(word("Sh", 91), word("REAR", 88)))).isTrue();
        // digits, signs or a Chinese character make a part print, not junk
        assertThat(LatinJunk.suspect(List.of(word("PM2.5", 90)))).isFalse();
        assertThat(LatinJunk.suspect(List.of(word("PAN-CHINA", 90)))).isFalse();
        assertThat(LatinJunk.suspect(List.of(word("ait", 86), word("计", 60)))).isFalse();
        assertThat(LatinJunk.suspect(List.of())).isFalse();
    }

    @Test
    void anEnglishPageIsNotChinese() {
        assertThat(LatinJunk.chinesePage(List.of(word("Certified", 95), word("Public", 95), word("合计", 90)))).isFalse();
    }

    @Test
    void aSecondReadingReplacesLettersWhenItIsPrintAndSureOrSurer() {
        List<OcrWord> ait = List.of(word("ait", 86));
        assertThat(LatinJunk.readAsPrint(List.of(word("合计", 93)), ait)).isTrue();
        assertThat(LatinJunk.readAsPrint(List.of(word("合计", 55)), ait)).isFalse();
        // an amount cell's "Let" at 22: a surer 1.52 replaces it
        assertThat(LatinJunk.readAsPrint(List.of(word("1.52", 60)), List.of(word("Let", 22)))).isTrue();
        // Latin print reads as Latin again and stays
        assertThat(LatinJunk.readAsPrint(List.of(word("Certified", 96)), List.of(word("Certified", 90)))).isFalse();
        assertThat(LatinJunk.readAsPrint(List.of(), ait)).isFalse();
    }
}

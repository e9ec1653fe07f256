package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmoothedReadingTest {
    @Test
    void amountsStayAsReadSmoothedAndLostChineseComesFromThePlainReading() {
        List<OcrWord> smoothed = List.of(
                new OcrWord("2021", 100, 10, 140, 30, 92), new OcrWord(";", 150, 10, 210, 30, 92),   // 决算数 lost
                new OcrWord("28512", 300, 50, 360, 70, 95));
        List<OcrWord> plain = List.of(
                new OcrWord("2021", 100, 10, 140, 30, 92), new OcrWord("决算数", 150, 10, 210, 30, 93),
                new OcrWord("28912", 300, 50, 360, 70, 96),                                           // 5 read as 9
                new OcrWord("调整后", 400, 10, 460, 30, 90),                                          // a line smoothing lost
                new OcrWord("口", 500, 10, 510, 30, 40));                                             // speck, unsure
        List<String> merged = SmoothedReading.merge(smoothed, plain).stream().map(OcrWord::text).toList();
        assertThat(merged).containsExactlyInAnyOrder("2021", "决算数", "28512", "调整后");
    }

    @Test
    void anEnumerationCommaReadSmoothedAsPunctuationIsNotDoubledAndASurerWordIsTaken() {
        List<OcrWord> smoothed = List.of(
                new OcrWord("六", 77, 10, 88, 30, 91), new OcrWord(".", 80, 10, 98, 30, 60),        // 、 boxed over 六
                new OcrWord("污水", 100, 10, 130, 30, 90),
                new OcrWord("股奶", 200, 10, 230, 30, 19));
        List<OcrWord> plain = List.of(
                new OcrWord("六", 77, 10, 88, 30, 91), new OcrWord("、", 89, 10, 98, 30, 90),
                new OcrWord("污水", 100, 10, 130, 30, 90),
                new OcrWord("股息", 200, 10, 230, 30, 61));
        List<String> merged = SmoothedReading.merge(smoothed, plain).stream().map(OcrWord::text).toList();
        assertThat(merged).containsExactly("六", "、", "污水", "股息");
    }
}

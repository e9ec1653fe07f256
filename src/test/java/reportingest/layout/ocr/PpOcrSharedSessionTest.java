package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One PP-OCR engine (one ONNX Runtime environment, one session per model) serves every OCR worker: a reading
 * made on two threads at once is the same, character for character and probability for probability, as the
 * one made on one thread alone.
 */
class PpOcrSharedSessionTest {
    /** What a run gives, compared exactly. */
    private record Reading(List<PpOcrEngine.Crop> boxes, List<String> texts, List<String> probabilities) {}

    private static Reading read(PpOcrEngine engine, GrayImage page) {
        // the title and the table's top rows: a region, as doubtful reading detects in, not the whole page
        List<PpOcrEngine.Crop> boxes = engine.detect(page, new PpOcrEngine.Crop(0, 0, page.width(), 700), PpOcrReader.DET_MAX_SIDE);
        List<CtcDecoder.Decoded> read = engine.recognize(page, boxes);
        return new Reading(boxes, read.stream().map(CtcDecoder.Decoded::text).toList(),
                read.stream().map(d -> Arrays.toString(d.probabilities())).toList());
    }

    @Test
    void twoThreadsOnOneSessionReadAsOneThreadDoes() throws Exception {
        GrayImage clean = GrayImage.of(RuledTableScan.render(0, 0));
        GrayImage noisy = GrayImage.of(RuledTableScan.render(1.0, 25));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (PpOcrEngine engine = new PpOcrEngine()) {
            Reading cleanAlone = read(engine, clean), noisyAlone = read(engine, noisy);
            assertThat(cleanAlone.texts()).isNotEmpty().anyMatch(t -> t.contains("支出"));
            List<Callable<Reading>> work = new ArrayList<>();
            for (int i = 0; i < 6; i++) work.add(i % 2 == 0 ? () -> read(engine, clean) : () -> read(engine, noisy));
            List<Future<Reading>> done = two.invokeAll(work);
            for (int i = 0; i < done.size(); i++) {
                assertThat(done.get(i).get()).as("run %d", i).isEqualTo(i % 2 == 0 ? cleanAlone : noisyAlone);
            }
        } finally {
            two.shutdownNow();
        }
    }
}

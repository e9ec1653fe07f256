package reportingest.layout.ocr;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Hands each calling thread an engine of its own for the duration of one page. Engines are created
 * lazily and reused, so the pool grows to the number of pages read at the same time and no further;
 * each keeps its models loaded (about 100 MB native memory and 0.5–0.9 s to create).
 * Chosen over a ThreadLocal because pooled engines can be closed: native handles tied to the threads
 * of a Camel thread pool would outlive the service.
 */
final class TesseractEnginePool implements AutoCloseable {
    private final String tessdata;
    private final String languages;
    private final ConcurrentLinkedDeque<TesseractEngine> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    TesseractEnginePool(String tessdata, String languages) {
        this.tessdata = tessdata;
        this.languages = languages;
    }

    <T> T with(Function<TesseractEngine, T> work) {
        if (closed) throw new IllegalStateException("OCR engine pool is closed");
        TesseractEngine engine = idle.pollFirst();
        if (engine == null) engine = new TesseractEngine(tessdata, languages);
        try {
            return work.apply(engine);
        } finally {
            idle.addFirst(engine);
            if (closed) closeIdle();
        }
    }

    /** Idle engines are closed now; engines in use when their page is done. */
    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        TesseractEngine e;
        while ((e = idle.pollFirst()) != null) e.close();
    }
}

package reportingest.layout;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bounded pool that reads page images (OCR) in parallel, one per service, shared by its page sources.
 * Sources load or render images one at a time on the caller's thread (PDFBox documents and ImageIO
 * readers are not thread-safe) and hand each to the pool through an {@link OrderedPages}, which gives the
 * pages back in order and keeps at most {@link #window()} of them in flight, so a 200-page scan holds
 * a few page images at a time, never all of them.
 */
public final class PageWorkers implements AutoCloseable {
    private final ExecutorService pool;
    private final int workers;

    private PageWorkers(ExecutorService pool, int workers) {
        this.pool = pool;
        this.workers = workers;
    }

    /** Every page read on the caller's thread, each handed on before the next is loaded. */
    public static PageWorkers sequential() {
        return new PageWorkers(null, 1);
    }

    /** {@code workers} threads reading pages while the caller loads the next image. */
    public static PageWorkers parallel(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1: " + workers);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "page-worker-" + n.incrementAndGet());
            t.setDaemon(true); // a stuck page must not keep the JVM alive at shutdown
            return t;
        };
        return new PageWorkers(Executors.newFixedThreadPool(workers, threads), workers);
    }

    public int workers() { return workers; }

    /** Pages in flight per document: one per worker plus the one being loaded meanwhile. */
    public int window() { return pool == null ? 1 : workers + 1; }

    /** Starts one document: its pages go to {@code sink}, in the order they are added, on the caller's thread. */
    public OrderedPages start(Consumer<Page> sink) {
        return new OrderedPages(this, sink);
    }

    boolean inline() { return pool == null; }

    Future<Page> submit(Supplier<Page> read) {
        return pool.submit(read::get);
    }

    @Override
    public void close() throws InterruptedException {
        if (pool == null) return;
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) pool.shutdownNow();
    }
}

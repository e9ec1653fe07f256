package reportingest.layout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One document's pages on their way through {@link PageWorkers}: read in parallel, handed to the sink
 * in the order they were added. Used from one thread only. The caller waits for room
 * ({@link #awaitRoom}) before loading an image, so loaded images never outnumber the window.
 * Close it (try-with-resources) so that a failed document's remaining pages are dropped.
 */
public final class OrderedPages implements AutoCloseable {
    private final PageWorkers workers;
    private final Consumer<Page> sink;
    private final ArrayDeque<Future<Page>> inFlight = new ArrayDeque<>();
    private int handedOn;

    OrderedPages(PageWorkers workers, Consumer<Page> sink) {
        this.workers = workers;
        this.sink = sink;
    }

    /** Blocks until another page may be loaded, handing on the pages that finish meanwhile. */
    public void awaitRoom() throws IOException {
        drainTo(workers.window() - 1);
    }

    /** Reads a page (its image already loaded and captured by {@code read}) on the pool. */
    public void submit(Supplier<Page> read) throws IOException {
        if (workers.inline()) {
            drainTo(0);
            sink.accept(read.get());
            handedOn++;
            return;
        }
        inFlight.add(workers.submit(read));
        handFinished();
    }

    /** A page that needs no reading (a text-layer or blank page): handed on after those before it. */
    public void add(Page page) throws IOException {
        inFlight.add(CompletableFuture.completedFuture(page));
        handFinished();
    }

    /** Waits for every page and hands it on; returns how many pages went to the sink. */
    public int finish() throws IOException {
        drainTo(0);
        return handedOn;
    }

    private void handFinished() throws IOException {
        while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) handOn(inFlight.pollFirst());
    }

    private void drainTo(int atMost) throws IOException {
        while (inFlight.size() > atMost) handOn(inFlight.pollFirst());
        handFinished();
    }

    private void handOn(Future<Page> next) throws IOException {
        try {
            sink.accept(next.get());
            handedOn++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pages were being read");
        } catch (CancellationException e) {
            throw new InterruptedIOException("page reading was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause.getMessage(), cause);
        }
    }

    /** Drops pages not yet handed on: started ones finish, queued ones never start. */
    @Override
    public void close() {
        for (Future<Page> f : inFlight) f.cancel(false);
        inFlight.clear();
    }
}

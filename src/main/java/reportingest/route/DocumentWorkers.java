package reportingest.route;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads documents are processed on (the route's {@code threads} step, {@code ingest.workers}). The inbox
 * consumer hands a file over only when a worker is free: it waits otherwise, so a node never claims more files
 * than it can work on (the others stay in the inbox for other nodes). One worker: the consumer's own thread, as
 * if there were no step at all.
 */
public final class DocumentWorkers {
    private DocumentWorkers() {}

    public static ExecutorService of(int workers) {
        if (workers <= 1) return new SameThread();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> new Thread(r, "document-worker-" + n.incrementAndGet()), (task, executor) -> {
                    if (executor.isShutdown()) throw new RejectedExecutionException("the service is stopping");
                    try {
                        // wait for a free worker rather than run the document on the consumer's thread
                        executor.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted while waiting for a free worker", e);
                    }
                });
        return pool;
    }

    /** Runs each task on the calling thread. */
    private static final class SameThread extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override public void execute(Runnable command) { command.run(); }
        @Override public void shutdown() { shutdown = true; }
        @Override public List<Runnable> shutdownNow() { shutdown = true; return List.of(); }
        @Override public boolean isShutdown() { return shutdown; }
        @Override public boolean isTerminated() { return shutdown; }
        @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
    }
}

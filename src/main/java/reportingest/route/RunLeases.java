package reportingest.route;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.store.DocumentStore;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's claims on the runs it is working on ({@link DocumentStore#renewLeases}), renewed every sixth of the
 * lease until each run ends. A node that dies stops renewing: once its claims run out, the same content dropped
 * under another name is taken up by another node instead of waiting for ever.
 */
public final class RunLeases implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunLeases.class);

    private final DocumentStore documents;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-leases");
        t.setDaemon(true);
        return t;
    });

    public RunLeases(DocumentStore documents, Duration lease) {
        this.documents = documents;
        long every = Math.max(100, lease.toMillis() / 6);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Holds the run of a document until the exchange carrying it is done, whatever its outcome. */
    void hold(Exchange exchange, long documentId) {
        held.add(documentId);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                held.remove(documentId);
            }
        });
    }

    private void renew() {
        try {
            documents.renewLeases(List.copyOf(held));
        } catch (RuntimeException e) {
            // the database is away: the runs go on, and the claims are renewed at the next turn if it is back
            log.debug("Could not renew the claims on {} runs: {}", held.size(), e.getMessage());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}

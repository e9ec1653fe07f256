package reportingest.harness;

import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.store.Database;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real service (Camel routes, H2, folders) in this JVM on a {@link ScratchHome}, with a way to
 * wait until dropped files are stored: the service has no completion event for outside callers, so
 * its database is polled.
 */
public final class ScratchService implements AutoCloseable {
    private final ScratchHome home;
    private final IngestService service;
    private final DocumentStore documents;

    private ScratchService(ScratchHome home, IngestService service) {
        this.home = home;
        this.service = service;
        this.documents = new DocumentStore(service.database());
    }

    /** @param extra settings on top of the scratch ones, e.g. {@code ingest.ocr.workers} */
    public static ScratchService start(ScratchHome home, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(home.settings());
        settings.putAll(extra);
        return new ScratchService(home, IngestService.start(IngestConfig.withOverrides(settings)));
    }

    public ScratchHome home() { return home; }
    public Database database() { return service.database(); }
    public DocumentStore documents() { return documents; }

    /** Waits until every content (by SHA-256) has a finished document: stored, failed or duplicate. */
    public void awaitFinished(Collection<String> shas, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String sha : shas) {
            while (!finished(sha)) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("service did not finish within " + timeout);
                Thread.sleep(50);
            }
        }
    }

    private boolean finished(String sha) {
        List<DocumentRecord> docs = documents.findBySha256(sha);
        return !docs.isEmpty() && docs.stream().allMatch(d -> d.finishedAt() != null && d.status() != DocumentStatus.PROCESSING);
    }

    /** The document that holds the records for this content (a duplicate points at it). */
    public DocumentRecord original(String sha) {
        List<DocumentRecord> docs = documents.findBySha256(sha);
        return docs.stream().filter(d -> d.status() != DocumentStatus.DUPLICATE).findFirst().orElse(docs.get(0));
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}

package reportingest.route;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.reconcile.ExtractedTable;
import reportingest.store.DocumentStore;
import reportingest.store.DocumentStatus;
import reportingest.store.ResultStore;

import java.util.Locale;

/**
 * Pipeline step "store": all records of the document and its final status, in one transaction. Sets the header
 * {@value #OUTCOME} (done, needs_review) the route counts files by.
 */
public final class StoreStep {
    private static final Logger log = LoggerFactory.getLogger(StoreStep.class);
    /** Header: how the file ended, for the files-by-outcome counter (done, needs_review; duplicate from intake). */
    public static final String OUTCOME = "ingestOutcome";

    private final ResultStore results;
    private final DocumentStore documents;

    public StoreStep(ResultStore results, DocumentStore documents) {
        this.results = results;
        this.documents = documents;
    }

    public void store(IngestJob job, Exchange exchange) {
        long t0 = System.nanoTime();
        String mediaType = job.detected() == null ? null : job.detected().kind().mediaType();
        results.save(job.documentId(), job.pages().size(), mediaType, job.extracted(), job.status());
        int rows = job.extracted().tables().stream().mapToInt(t -> t.rows().size()).sum();
        int cells = job.extracted().tables().stream().flatMap(t -> t.rows().stream()).mapToInt(r -> r.cells().size()).sum();
        exchange.getIn().setHeader(OUTCOME, outcome(job.status()));
        StageEvent.info(log, job.fileName(), job.documentId(), "store", outcome(job.status()), t0)
                .log("Done '{}' (document {}): {} page(s), {} table(s), {} row(s), {} cell(s), status {}",
                job.fileName(), job.documentId(), job.pages().size(), job.extracted().tables().size(), rows, cells,
                job.status());
        if (log.isDebugEnabled()) {
            for (ExtractedTable t : job.extracted().tables()) log.debug("  {} ({} rows)", t.schema(), t.rows().size());
        }
    }

    /** done, needs_review, … : a status as the metrics and the JSON log name it. */
    static String outcome(DocumentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}

package reportingest.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.Reconciler;

/** Pipeline step "reconcile": matches the tables to the catalog and collects the narrative figures. */
public final class ReconcileStep {
    private static final Logger log = LoggerFactory.getLogger(ReconcileStep.class);

    private final Reconciler reconciler;

    public ReconcileStep(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    public IngestJob reconcile(IngestJob job) {
        long t0 = System.nanoTime();
        ExtractedDocument doc = reconciler.reconcile(job.pages(), job.rawTables());
        StageEvent.info(log, job.fileName(), job.documentId(), "reconcile", "ok", t0).log("'{}': {} table(s) reconciled, {} narrative figure(s)", job.fileName(), doc.tables().size(), doc.facts().size());
        return job.withExtracted(doc);
    }
}

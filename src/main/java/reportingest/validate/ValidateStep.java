package reportingest.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.pipeline.IngestJob;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.store.DocumentStatus;

import java.util.Set;

/**
 * Pipeline step "validate": decides the document's status from its rows and flags.
 * A document needs review when any row does, or when it carries a flag that is not provenance only.
 */
public final class ValidateStep {
    private static final Logger log = LoggerFactory.getLogger(ValidateStep.class);
    /** Flags that record how a table was put together but ask nothing of a reviewer. */
    static final Set<String> PROVENANCE_ONLY = Set.of("TABLE_SPLIT_ACROSS_PAGES");

    public IngestJob validate(IngestJob job) {
        ExtractedDocument doc = job.extracted();
        DocumentStatus status = needsReview(doc) ? DocumentStatus.NEEDS_REVIEW : DocumentStatus.DONE;
        log.info("'{}': validation done, document {}", job.fileName(),
                status == DocumentStatus.DONE ? "accepted" : "needs review");
        return job.withStatus(status);
    }

    static boolean needsReview(ExtractedDocument doc) {
        if (doc.flags().stream().anyMatch(ValidateStep::asksForReview)) return true;
        for (ExtractedTable t : doc.tables()) {
            if (t.flags().stream().anyMatch(ValidateStep::asksForReview)) return true;
            if (t.rows().stream().anyMatch(r -> r.status() == RowStatus.NEEDS_REVIEW)) return true;
        }
        return false;
    }

    private static boolean asksForReview(Flag f) {
        return !PROVENANCE_ONLY.contains(f.code());
    }
}

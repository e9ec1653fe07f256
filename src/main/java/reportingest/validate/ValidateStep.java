package reportingest.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.pipeline.IngestJob;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.catalog.Catalog;
import reportingest.store.DocumentStatus;

import java.util.Set;

/**
 * Pipeline step "validate": checks the document's numbers ({@link Validator}) and decides its
 * status. A document needs review when any row does, or when it carries a flag that is not
 * provenance only.
 */
public final class ValidateStep {
    private static final Logger log = LoggerFactory.getLogger(ValidateStep.class);
    /** Flags that record how a table was put together but ask nothing of a reviewer. */
    static final Set<String> PROVENANCE_ONLY = Set.of("TABLE_SPLIT_ACROSS_PAGES");

    private final Validator validator;

    public ValidateStep() {
        this(new Validator(Catalog.load()));
    }

    public ValidateStep(Validator validator) {
        this.validator = validator;
    }

    public IngestJob validate(IngestJob job) {
        Validation v = validator.validate(job.extracted(), job.pages());
        ExtractedDocument doc = v.document();
        DocumentStatus status = needsReview(doc) ? DocumentStatus.NEEDS_REVIEW : DocumentStatus.DONE;
        log.info("'{}': validation done, {} checks, {} failed, document {}", job.fileName(), v.outcomes().size(),
                v.failures().size(), status == DocumentStatus.DONE ? "accepted" : "needs review");
        return job.withExtracted(doc).withStatus(status);
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

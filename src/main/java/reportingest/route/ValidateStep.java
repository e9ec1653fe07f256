package reportingest.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.catalog.Catalog;
import reportingest.reconcile.ExtractedDocument;
import reportingest.store.DocumentStatus;
import reportingest.review.Revalidation;
import reportingest.validate.Validation;
import reportingest.validate.Validator;


/**
 * Pipeline step "validate": checks the document's numbers ({@link Validator}) and decides its
 * status. A document needs review when any row does, or when it carries a flag that is not
 * provenance only.
 */
public final class ValidateStep {
    private static final Logger log = LoggerFactory.getLogger(ValidateStep.class);
    private final Validator validator;

    public ValidateStep() {
        this(new Validator(Catalog.load()));
    }

    public ValidateStep(Validator validator) {
        this.validator = validator;
    }

    public IngestJob validate(IngestJob job) {
        long t0 = System.nanoTime();
        Validation v = validator.validate(job.extracted(), job.pages());
        ExtractedDocument doc = v.document();
        DocumentStatus status = needsReview(doc) ? DocumentStatus.NEEDS_REVIEW : DocumentStatus.DONE;
        StageEvent.info(log, job.fileName(), job.documentId(), "validate", StoreStep.outcome(status), t0).log("'{}': validation done, {} checks, {} failed, document {}", job.fileName(), v.outcomes().size(),
                v.failures().size(), status == DocumentStatus.DONE ? "accepted" : "needs review");
        return job.withExtracted(doc).withStatus(status);
    }

    /** The same rule that review actions apply afterwards ({@link Revalidation}), with nothing approved yet. */
    public static boolean needsReview(ExtractedDocument doc) {
        return Revalidation.needsReview(doc, false);
    }
}

package reportingest.store;

/** A document's lifecycle: RECEIVED -> PROCESSING -> DONE | NEEDS_REVIEW | FAILED; DUPLICATE for content seen before. */
public enum DocumentStatus {
    RECEIVED, PROCESSING, DONE, NEEDS_REVIEW, FAILED, DUPLICATE;

    /** Finished with records stored: content seen again after this is a duplicate. */
    public boolean succeeded() { return this == DONE || this == NEEDS_REVIEW; }
}

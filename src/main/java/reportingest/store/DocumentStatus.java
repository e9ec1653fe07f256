package reportingest.store;

/**
 * A document's lifecycle: RECEIVED -> PROCESSING -> DONE | NEEDS_REVIEW | FAILED; DUPLICATE for content seen before;
 * REJECTED when a reviewer rejected the document's records (they stay stored, for the record).
 */
public enum DocumentStatus {
    RECEIVED, PROCESSING, DONE, NEEDS_REVIEW, FAILED, DUPLICATE, REJECTED;

    /** Finished with records stored: content seen again after this is a duplicate. */
    public boolean succeeded() { return this == DONE || this == NEEDS_REVIEW || this == REJECTED; }
}

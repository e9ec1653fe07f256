package reportingest.store;

/**
 * The outcome of registering a file: its document id, and for content already ingested the id of
 * the document it duplicates. {@code attempt} is above 1 when an interrupted, failed or unplaced run is
 * taken up again; {@code earlier} then says which (see {@link Earlier}), and {@code earlierError} the failure's
 * reason. {@code processed}: the same file was already processed (its row is final) but could not be moved out
 * of the inbox then; it only needs placing now, under the same row.
 */
public record Registration(long documentId, Long duplicateOf, int attempt, boolean processed, Earlier earlier,
                           String earlierError) {
    /** What became of the run before this one, under the same row. */
    public enum Earlier {
        /** no earlier run: a new row */
        NONE,
        /** it stopped before an outcome (the service was stopped or killed, or an outage deferred it) */
        INTERRUPTED,
        /** it failed, but the file could not be moved to failed/ with its error file */
        FAILED_NOT_PLACED,
        /** it was processed, but the file could not be moved to archive/ */
        PROCESSED_NOT_PLACED
    }

    public Registration(long documentId, Long duplicateOf, int attempt) {
        this(documentId, duplicateOf, attempt, false, attempt > 1 ? Earlier.INTERRUPTED : Earlier.NONE, null);
    }

    public boolean duplicate() { return duplicateOf != null; }
}

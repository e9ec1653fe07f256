package reportingest.store;

/**
 * The outcome of registering a file: its document id, and for content already ingested the id of
 * the document it duplicates. {@code attempt} is above 1 when an interrupted, failed or unplaced run is
 * taken up again; {@code earlier} then says which (see {@link Earlier}), and {@code earlierError} the failure's
 * reason. {@code processed}: the same file was already processed (its row is final) but could not be moved out
 * of the inbox then; it only needs placing now, under the same row. {@code busyNode}: the same content is being
 * processed right now, as {@code documentId}, by that node (or another worker of this one); no row was made, and the
 * file waits in the inbox until that run ends (it is then a duplicate, or taken up if that run was lost).
 */
public record Registration(long documentId, Long duplicateOf, int attempt, boolean processed, Earlier earlier,
                           String earlierError, String busyNode) {
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

    public Registration(long documentId, Long duplicateOf, int attempt, boolean processed, Earlier earlier,
                        String earlierError) {
        this(documentId, duplicateOf, attempt, processed, earlier, earlierError, null);
    }

    public Registration(long documentId, Long duplicateOf, int attempt) {
        this(documentId, duplicateOf, attempt, false, attempt > 1 ? Earlier.INTERRUPTED : Earlier.NONE, null);
    }

    static Registration busy(long documentId, String node) {
        return new Registration(documentId, null, 0, false, Earlier.NONE, null, node == null ? "another node" : node);
    }

    public boolean busy() { return busyNode != null; }

    public boolean duplicate() { return duplicateOf != null; }
}

package reportingest.store;

/**
 * The outcome of registering a file: its document id, and for content already ingested the id of
 * the document it duplicates. {@code attempt} is above 1 when an interrupted, failed or unplaced run is
 * taken up again. {@code processed}: the same file was already processed (its row is final) but could not
 * be moved out of the inbox then; it only needs placing now, under the same row.
 */
public record Registration(long documentId, Long duplicateOf, int attempt, boolean processed) {
    public Registration(long documentId, Long duplicateOf, int attempt) {
        this(documentId, duplicateOf, attempt, false);
    }

    public boolean duplicate() { return duplicateOf != null; }
}

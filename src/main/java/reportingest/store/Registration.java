package reportingest.store;

/**
 * The outcome of registering a file: its document id, and for content already ingested the id of
 * the document it duplicates. {@code attempt} is above 1 when an interrupted or failed run is retried.
 */
public record Registration(long documentId, Long duplicateOf, int attempt) {
    public boolean duplicate() { return duplicateOf != null; }
}

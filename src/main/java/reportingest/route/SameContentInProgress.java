package reportingest.route;

/**
 * The file's content is being processed right now under another file name (by another worker or node): not a
 * failure, the file waits in the inbox and is taken again once that run has ended (then as its duplicate).
 */
final class SameContentInProgress extends RuntimeException {
    SameContentInProgress(String fileName, long documentId, String node) {
        super("'" + fileName + "' has the content of document " + documentId + ", which " + node + " is processing now",
                null, false, false);
    }
}

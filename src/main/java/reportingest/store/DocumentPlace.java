package reportingest.store;

/**
 * Where a document's file is, as its row says: its status and {@code storedAs} (the path in archive/ or failed/;
 * null while it has not been placed, so its file is still in the inbox). What the ledger reconciles with the folders.
 */
public record DocumentPlace(long id, String fileName, DocumentStatus status, String storedAs) {}

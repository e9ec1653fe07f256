package reportingest.review;

/** One review action: who, when (ISO-8601 UTC), on what, old and new value (or status), and why. */
public record AuditEntry(long id, String action, String at, String reviewer, String comment, long documentId,
                         Long tableId, Long rowId, Long cellId, String column, String oldValue, String newValue,
                         String statusBefore, String statusAfter, Long changeSeq) {}

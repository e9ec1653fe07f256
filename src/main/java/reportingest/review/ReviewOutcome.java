package reportingest.review;

/** What a review action did: its audit entry, and the statuses (and the cell's value and change number) after it. */
public record ReviewOutcome(long actionId, String action, long documentId, Long rowId, Long cellId, String value,
                            Long changeSeq, String rowStatus, String documentStatus) {}

package reportingest.store;

import java.time.OffsetDateTime;
import java.util.List;

/** A document as registered: what the API lists. */
public record DocumentRecord(long id, String fileName, String sha256, long sizeBytes, String type, Integer pages,
                             DocumentStatus status, List<String> flags, String unit, Integer fiscalYear,
                             Long duplicateOf, String errorReason, String storedAs, int attempts,
                             OffsetDateTime receivedAt, OffsetDateTime finishedAt) {}

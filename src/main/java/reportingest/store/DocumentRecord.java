package reportingest.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document as registered: what the API lists. {@code kind} (final_accounts, budget, performance,
 * unknown) and {@code level} (部门 / 单位) are read from the document; null until it is processed.
 */
public record DocumentRecord(long id, String fileName, String sha256, long sizeBytes, String type, Integer pages,
                             DocumentStatus status, List<String> flags, String unit, Integer fiscalYear,
                             Long duplicateOf, String errorReason, String storedAs, int attempts,
                             OffsetDateTime receivedAt, OffsetDateTime finishedAt, String kind, String level) {}

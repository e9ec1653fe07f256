package reportingest.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A document as registered: what the API lists. {@code unit} is the reporting body; {@code kind}
 * (final_accounts, budget, performance, unknown) and {@code level} (部门 / 单位) are read from the document,
 * null until it is processed; {@code facts} says where the body and the fiscal year were read ({@code body},
 * {@code fiscalYear}: value, page, text, confidence 0–1); {@code node} names the node that took it last.
 */
public record DocumentRecord(long id, String fileName, String sha256, long sizeBytes, String type, Integer pages,
                             DocumentStatus status, List<String> flags, String unit, Integer fiscalYear,
                             Long duplicateOf, String errorReason, String storedAs, int attempts,
                             OffsetDateTime receivedAt, OffsetDateTime finishedAt, String kind, String level,
                             Map<String, Object> facts, String node) {
    public DocumentRecord {
        facts = facts == null ? Map.of() : facts;
    }

    /** Without family or the facts' provenance (documents not processed yet, or before they were recorded). */
    public DocumentRecord(long id, String fileName, String sha256, long sizeBytes, String type, Integer pages,
                          DocumentStatus status, List<String> flags, String unit, Integer fiscalYear,
                          Long duplicateOf, String errorReason, String storedAs, int attempts,
                          OffsetDateTime receivedAt, OffsetDateTime finishedAt) {
        this(id, fileName, sha256, sizeBytes, type, pages, status, flags, unit, fiscalYear, duplicateOf, errorReason,
                storedAs, attempts, receivedAt, finishedAt, null, null, Map.of(), null);
    }
}

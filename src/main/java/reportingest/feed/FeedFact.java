package reportingest.feed;

import java.util.List;
import java.util.Map;

/**
 * One cell as the downstream system sees it: a flat fact with its row's key, status and provenance.
 * {@code status} is the row's status, or REJECTED when a reviewer rejected the document.
 */
public record FeedFact(long cellId, long document, String fileName, String unit, Integer fiscalYear, String schema,
                       Map<String, Object> rowKey, String column, String value, String status, double confidence,
                       List<String> flags, Integer page, List<Double> bbox, long changeSeq) {}

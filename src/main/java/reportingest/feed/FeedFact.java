package reportingest.feed;

import java.util.List;
import java.util.Map;

/**
 * One cell as the downstream system sees it: a flat fact with its row's key, status and provenance.
 * {@code status} is the row's status, or REJECTED when a reviewer rejected the document.
 */
public record FeedFact(long cellId, long document, String fileName, String unit, Integer fiscalYear, String schema,
                       Map<String, Object> rowKey, String column, String value, String status, double confidence,
                       List<String> flags, Integer page, List<Double> bbox, long changeSeq,
                       String body, String documentStatus, String amountUnit, String bboxUnits) {
    /** bbox in points (1/72 inch) from the page's top-left: PDFs, scans and images (rendered at their dpi). */
    public static final String BBOX_POINTS = "pt";
    /** bbox of a text input: [cell index, line number, 1, 1] in the text's grid. */
    public static final String BBOX_TEXT_GRID = "text-grid";
}

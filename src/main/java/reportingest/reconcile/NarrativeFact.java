package reportingest.reconcile;

/**
 * A figure stated in the text (收支总计, 基本支出, 三公经费.决算数 …), with the exact quote it came
 * from. Field names follow {@code narrative_facts} of the ground truth.
 */
public record NarrativeFact(String section, String quote, String figure, String value, String unit,
                            String scope, Integer year, int page, int lineNo) {}

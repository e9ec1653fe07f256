package reportingest.reconcile;

/**
 * One fact about a whole document (its reporting body, its fiscal year) with where it was read: the
 * page (1-based) and the printed line, and a confidence on a 0–1 scale (how directly the document states
 * it: a labelled line such as 单位名称 beats a title, which beats a heading of the narrative). A fact not
 * found, or found twice with different values, has a null value and the reason in {@code text}.
 */
public record DocumentFact(Object value, Integer page, String text, double confidence) {
    public static DocumentFact unknown(String why) {
        return new DocumentFact(null, null, why, 0.0);
    }
}

package reportingest.eval;

/**
 * Narrative figures of a document against the truth's {@code narrative_facts}: right (same value
 * and unit), wrong (paired with a truth fact but another value or unit), missing (a truth fact
 * nothing was paired with) and invented (an exported fact no truth fact pairs with).
 * Invariant: {@code expected == right + wrong + missing}.
 */
public record NarrativeCounts(int expected, int right, int wrong, int missing, int invented) {
    public static final NarrativeCounts ZERO = new NarrativeCounts(0, 0, 0, 0, 0);

    public NarrativeCounts plus(NarrativeCounts o) {
        return new NarrativeCounts(expected + o.expected, right + o.right, wrong + o.wrong, missing + o.missing,
                invented + o.invented);
    }
}

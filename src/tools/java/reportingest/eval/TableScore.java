package reportingest.eval;

/**
 * The score of one table: a truth table with its export partner (found or not), or an export
 * table truth does not have (extra). {@code name} tells repeated schemas apart ("income#2").
 */
public record TableScore(String name, String schema, Outcome outcome, int rowsExpected, int rowsMatched,
                         int rowsExtra, EvalCounts counts, Measures measures) {
    public enum Outcome { FOUND, NOT_FOUND, EXTRA }
}

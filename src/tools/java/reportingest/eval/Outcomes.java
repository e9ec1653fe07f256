package reportingest.eval;

/**
 * How a group of expected items came out: right, wrong with a flag, wrong without one, or not there
 * at all. Used alike for printed amounts, for blank cells (wrong = the export holds a value where
 * nothing is printed) and for row labels. Invariant: {@code expected == right + wrongFlagged +
 * wrongUnflagged + missing}.
 */
public record Outcomes(int expected, int right, int wrongFlagged, int wrongUnflagged, int missing) {
    public static final Outcomes ZERO = new Outcomes(0, 0, 0, 0, 0);

    public Outcomes plus(Outcomes o) {
        return new Outcomes(expected + o.expected, right + o.right, wrongFlagged + o.wrongFlagged,
                wrongUnflagged + o.wrongUnflagged, missing + o.missing);
    }

    Outcomes addRight() { return new Outcomes(expected + 1, right + 1, wrongFlagged, wrongUnflagged, missing); }
    Outcomes addWrong(boolean flagged) {
        return flagged ? new Outcomes(expected + 1, right, wrongFlagged + 1, wrongUnflagged, missing)
                : new Outcomes(expected + 1, right, wrongFlagged, wrongUnflagged + 1, missing);
    }
    Outcomes addMissing() { return new Outcomes(expected + 1, right, wrongFlagged, wrongUnflagged, missing + 1); }

    public int wrong() { return wrongFlagged + wrongUnflagged; }
}

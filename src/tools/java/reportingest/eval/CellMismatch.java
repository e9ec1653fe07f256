package reportingest.eval;

/**
 * One expected cell the export did not reproduce, for people chasing errors.
 * {@code actual} is null when the export has no such cell (missing) or an explicit blank.
 */
public record CellMismatch(String schema, String row, String column, String expected, String actual,
                           Kind kind) {
    public enum Kind { WRONG_FLAGGED, WRONG_UNFLAGGED, MISSING }

    /** The column name of a mismatch of the row's label (its key fields) rather than of a cell. */
    public static final String ROW_LABEL = "(row label)";

    public boolean ofLabel() { return ROW_LABEL.equals(column); }
}

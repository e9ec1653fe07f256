package reportingest.eval;

/**
 * One expected cell the export did not reproduce, for people chasing errors.
 * {@code actual} is null when the export has no such cell (missing) or an explicit blank.
 */
public record CellMismatch(String schema, String row, String column, String expected, String actual,
                           Kind kind) {
    public enum Kind { WRONG_FLAGGED, WRONG_UNFLAGGED, MISSING }
}

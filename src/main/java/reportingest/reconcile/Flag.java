package reportingest.reconcile;

/**
 * A review flag: a stable code from DESIGN.md (OCR_LOW_CONFIDENCE, ROW_SUM_MISMATCH, …) and a
 * sentence with the figures involved, for the reviewer.
 */
public record Flag(String code, String message) {
    public static Flag of(String code, String message) { return new Flag(code, message); }
}

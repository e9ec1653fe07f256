package reportingest.detect;

/**
 * A file that cannot be processed, with the reason in plain words and what the operator can do.
 * Written next to the file in failed/ as {@code <name>.error.json}.
 */
public class IngestFailure extends RuntimeException {
    private final String code;
    private final String action;

    public IngestFailure(String code, String reason, String action) {
        super(reason);
        this.code = code;
        this.action = action;
    }

    public IngestFailure(String code, String reason, String action, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.action = action;
    }

    /** A stable machine-readable reason: EMPTY_FILE, UNSUPPORTED_TYPE, ENCRYPTED, CORRUPT, TOO_LARGE … */
    public String code() { return code; }

    public String reason() { return getMessage(); }

    public String action() { return action; }
}

package reportingest.review;

/** A review action that cannot be done as asked: unknown record, a conflicting change, or an invalid request. */
public final class ReviewRefused extends RuntimeException {
    public enum Reason { NOT_FOUND, CONFLICT, INVALID }

    private final Reason reason;

    public ReviewRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}

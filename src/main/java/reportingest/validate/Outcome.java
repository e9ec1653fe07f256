package reportingest.validate;

/** The result of evaluating one check: whether it holds and a message naming the identity and its numbers. */
public record Outcome(Check check, boolean holds, String message, java.math.BigDecimal absDiff) {}

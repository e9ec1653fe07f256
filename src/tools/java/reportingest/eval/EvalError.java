package reportingest.eval;

/** An input the run could not score (no truth file for it): counted in the summary, not only logged. */
public record EvalError(String input, String problem) {}

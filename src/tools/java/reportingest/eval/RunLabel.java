package reportingest.eval;

import java.nio.file.Path;

/**
 * What kind of evidence an eval run is. Figures on inputs the code was tuned on (the seeds, the
 * project's own fixtures) are in-sample and say little about documents it has not seen; a fresh
 * generated set or outside files are out-of-sample. A run is labelled explicitly ({@code --label}),
 * else by where its inputs are: under the repository's {@code fixtures/} in-sample, anywhere else
 * unlabelled rather than guessed.
 */
public final class RunLabel {
    private RunLabel() {}

    public static final String IN_SAMPLE = "in-sample";
    public static final String OUT_OF_SAMPLE = "out-of-sample";
    public static final String UNLABELLED = "unlabelled";

    static String forInputs(Path inputs) {
        Path fixtures = Path.of("fixtures").toAbsolutePath().normalize();
        return inputs.toAbsolutePath().normalize().startsWith(fixtures) ? IN_SAMPLE : UNLABELLED;
    }
}

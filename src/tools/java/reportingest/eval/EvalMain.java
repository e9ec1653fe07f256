package reportingest.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/eval --inputs DIR --truth DIR [--list-silent-errors]}: a table for people, then as the
 * last line of standard output one JSON object with the counts (DESIGN.md, "bin/eval").
 */
public final class EvalMain {
    public static void main(String[] args) throws Exception {
        Path inputs = null;
        Path truth = null;
        boolean listSilent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Path.of(args[++i]);
                case "--truth" -> truth = Path.of(args[++i]);
                case "--list-silent-errors" -> listSilent = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (inputs == null || truth == null) usage("--inputs and --truth are required");
        if (!Files.isDirectory(inputs)) usage("not a folder: " + inputs);
        if (!Files.isDirectory(truth)) usage("not a folder: " + truth);
        EvalRun.Result r = EvalRun.run(inputs, truth, listSilent);
        r.report().print(System.out, r.pages(), r.seconds());
        System.out.flush();
        System.exit(0);
    }

    private static void usage(String problem) {
        System.err.println("eval: " + problem);
        System.err.println("usage: bin/eval --inputs DIR --truth DIR [--list-silent-errors]");
        System.exit(2);
    }
}

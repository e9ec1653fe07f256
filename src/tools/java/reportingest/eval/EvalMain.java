package reportingest.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/eval --inputs DIR --truth DIR [--label L] [--list-silent-errors] [--books DIR]},
 * {@code bin/eval --books DIR [--books-pages-cache DIR]} or
 * {@code bin/eval --generate N --seed S [--reference DIR] [--keep]}: a table for people, then as the
 * last line of standard output one JSON object with the counts (DESIGN.md, "bin/eval").
 */
public final class EvalMain {
    private static final String USAGE = "usage: bin/eval --inputs DIR --truth DIR [--label LABEL] [--engines E] [--list-silent-errors]\n"
            + "       bin/eval --generate N --seed S [--reference DIR] [--keep] [--label LABEL] [--engines E] [--set KEY=VALUE] [--scans-only] [--list-silent-errors]\n"
            + "  --scans-only: of a generated set, only the scanned files (to compare OCR engines on the same scans)\n"
            + "  --set: any other service setting for the run (e.g. --set ingest.ocr.second-reading=doubtful)\n"
            + "  --engines: ingest.ocr.engines for the run: tesseract (default), ppocr, or tesseract,ppocr\n"
            + "  --books DIR: also (or alone) read every government book PDF in DIR and report them as their own class;\n"
            + "     --books-pages-cache DIR keeps a scan's OCR'd pages there (<file>.pages.json) so that a rerun skips OCR;\n"
            + "     --books-truth DIR: the printed-forms and print-differs files (default src/test/resources/books)";

    public static void main(String[] args) throws Exception {
        Path inputs = null;
        Path truth = null;
        String label = null;
        Integer generate = null;
        Long seed = null;
        Path reference = Path.of("../shared/reference");
        boolean listSilent = false;
        boolean keep = false;
        String engines = null;
        boolean scansOnly = false;
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        Path books = null, booksCache = null, booksTruth = Path.of("src/test/resources/books");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Path.of(value(args, ++i));
                case "--truth" -> truth = Path.of(value(args, ++i));
                case "--label" -> label = value(args, ++i);
                case "--generate" -> generate = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--reference" -> reference = Path.of(value(args, ++i));
                case "--keep" -> keep = true;
                case "--engines" -> engines = value(args, ++i);
                case "--scans-only" -> scansOnly = true;
                case "--set" -> {
                    String kv = value(args, ++i);
                    int eq = kv.indexOf('=');
                    if (eq < 1) usage("--set needs KEY=VALUE: " + kv);
                    settings.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
                case "--list-silent-errors" -> listSilent = true;
                case "--books" -> books = Path.of(value(args, ++i));
                case "--books-pages-cache" -> booksCache = Path.of(value(args, ++i));
                case "--books-truth" -> booksTruth = Path.of(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        Path generated = null;
        String source = null;
        if (generate != null) {
            if (inputs != null || truth != null) usage("--generate writes its own inputs and truth; leave out --inputs and --truth");
            if (seed == null) usage("--generate needs --seed (the set must be reproducible)");
            if (generate < 1) usage("--generate needs a positive number of documents");
            if (!Files.isDirectory(reference)) usage("--generate needs the code lists in " + reference + " (--reference DIR)");
            DocumentSetGenerator generator = DocumentSetGenerator.find().orElse(null);
            if (generator == null) usage("--generate needs the fixture generator (target/test-classes) on the class path");
            generated = Files.createTempDirectory("ingest-eval-generated-");
            DocumentSetGenerator.GeneratedSet set = generator.generate(generated, generate, seed, reference);
            System.err.println("eval: generated " + set.description() + " in " + generated);
            inputs = set.inputs();
            truth = set.truth();
            if (scansOnly) inputs = scansOf(inputs, generated.resolve("scans-only"));
            if (label == null) label = RunLabel.OUT_OF_SAMPLE;
            source = set.description();
        }
        if (books != null && !Files.isDirectory(books)) usage("--books: not a folder: " + books);
        if (booksCache != null) Files.createDirectories(booksCache);
        if (books != null && inputs == null && truth == null) {
            // the government books alone: no scored documents, the books' section and its JSON keys
            if (engines != null) settings.put("ingest.ocr.engines", engines);
            long start = System.nanoTime();
            EvalReport report = new EvalReport(listSilent, label == null ? RunLabel.forInputs(books) : label);
            report.addBooks(reportingest.eval.books.GovernmentBooks.measure(books, booksTruth, booksCache, settings));
            int pages = report.books().stream().mapToInt(reportingest.eval.books.GovernmentBook::pages).sum();
            report.source(books.toString()).print(System.out, pages, (System.nanoTime() - start) / 1e9);
            System.err.printf("eval: %d book pages, peak RSS %s%n", pages, peakRss());
            System.out.flush();
            System.exit(0);
        }
        if (inputs == null || truth == null) usage("--inputs and --truth are required (or --generate N --seed S, or --books DIR)");
        if (!Files.isDirectory(inputs)) usage("not a folder: " + inputs);
        if (!Files.isDirectory(truth)) usage("not a folder: " + truth);
        if (label == null) label = RunLabel.forInputs(inputs);
        if (source == null) source = inputs.toString();
        try {
            if (engines != null) settings.put("ingest.ocr.engines", engines);
            if (!settings.isEmpty()) source = source + " " + settings;
            EvalRun.Result r = EvalRun.run(inputs, truth, listSilent, label, settings);
            if (books != null) r.report().addBooks(reportingest.eval.books.GovernmentBooks.measure(books, booksTruth, booksCache, settings));
            r.report().source(source).print(System.out, r.pages(), r.seconds());
            System.err.printf("eval: engines %s, %d pages in %.1f s (%.2f s/page), peak RSS %s%n", engines == null ? "tesseract (default)" : engines,
                    r.pages(), r.seconds(), r.pages() == 0 ? 0.0 : r.seconds() / r.pages(), peakRss());
            System.out.flush();
        } finally {
            if (generated != null && !keep) deleteTree(generated);
            else if (generated != null) System.err.println("eval: generated set kept in " + generated);
        }
        System.exit(0);
    }

    /** Copies the scanned inputs of a generated set ({@code <doc>-tNN.…}, see fixtures/README.md) into their own folder. */
    private static Path scansOf(Path inputs, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(inputs)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[^.]*-t\\d{2}.*")).sorted().toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        System.err.println("eval: scans only, in " + to);
        return to;
    }

    /** The process's peak resident set (VmHWM), native memory included; "?" where /proc is not there. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) usage(args[i - 1] + " needs a value");
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("eval: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}

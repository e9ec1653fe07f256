package reportingest.bench;

import reportingest.config.IngestConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/bench}: the service's end-to-end throughput for each kind of input beside the raw engines
 * on the same inputs, measured in the same run, then the memory of a long scanned PDF. Service and raw
 * runs are interleaved round by round and medians reported, so a machine busy with other work skews
 * both sides alike. The service runs at its default intake settings, so its times include the wait for a
 * file to settle, as a user's do; that wait is also reported apart. Prints a table, then one JSON line
 * (DESIGN.md, "bin/bench").
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // the report's config (IngestConfig.load reads ingest.* system properties) names the engines measured
        if (options.engines() != null) System.setProperty("ingest.ocr.engines", options.engines());
        options.settings().forEach(System::setProperty);
        long t0 = System.nanoTime();
        List<Double> loads = new java.util.ArrayList<>();
        Path dir = Files.createTempDirectory("ingest-bench-inputs-");
        try {
            progress(t0, "generating inputs in " + dir);
            BenchInputs inputs = new InputGenerator(dir).generate(options.largePages(), options.largePageDpi());
            // The long run first: its cost is the one that varies most with the machine's load, and once it is
            // known the short rounds can fill what is left of the time budget.
            loads.add(LoadAverage.now());
            progress(t0, "long scan: " + options.largePages() + " pages through the service as its own process, load average " + loads.get(0));
            LargeScanRun.Result large = LargeScanRun.run(inputs.large(), options.with(Map.of()));
            progress(t0, "two nodes: the scans, 3 copies each, through 1 node, then 2 nodes on one PostgreSQL");
            TwoNodesRun.Result nodes = TwoNodesRun.run(TwoNodesRun.copies(
                    concat(inputs.scans(), inputs.degraded()), 3, dir.resolve("node-copies")), options.with(Map.of()));
            Samples samples = new Samples();
            int rounds = measureRounds(options, inputs, samples, loads, t0);
            loads.add(LoadAverage.now());
            progress(t0, "done");
            new BenchReport(samples, inputs, large, nodes, rounds, options.rounds(), loads, IngestConfig.load(),
                    Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e9).print(System.out);
        } finally {
            if (options.keep()) System.err.println("bench: inputs kept in " + dir);
            else TempFiles.delete(dir);
        }
        System.exit(0);
    }

    /** The short measurements, round after round; returns how many rounds ran. */
    private static int measureRounds(BenchOptions options, BenchInputs in, Samples samples, List<Double> loads, long t0)
            throws Exception {
        IngestConfig defaults = IngestConfig.load();
        TesseractCli tesseract = new TesseractCli(defaults.ocrLanguages());
        // Two services side by side, one per worker count, each warm for the whole run.
        // "2 workers": two documents at a time, each OCR'ing on two page workers shared between them
        try (TimedService two = new TimedService(options.with(Map.of("ingest.ocr.workers", "2", "ingest.workers", "2")));
             TimedService one = new TimedService(options.with(Map.of("ingest.ocr.workers", "1", "ingest.workers", "1")))) {
            progress(t0, "warming up");
            two.run(in.warmUp());
            one.run(in.warmUp().subList(in.warmUp().size() - 1, in.warmUp().size()));
            TabulaAlone.run(List.of(in.bornDigital().get(0)));
            int round = 0;
            while (round < options.rounds()) {
                long roundStart = System.nanoTime();
                round++;
                loads.add(LoadAverage.now());
                progress(t0, "round " + round + " of " + options.rounds() + ", load average " + loads.get(loads.size() - 1));
                samples.add("text", two.run(in.text()));
                samples.add("born", two.run(in.bornDigital()));
                samples.add("tabula", TabulaAlone.run(in.bornDigital()));
                samples.add("tessCli", tesseract.perPage(in.scanImages()));
                samples.add("tessWarm", tesseract.warm(in.scanImages()));
                // which worker count goes first alternates, so a change in the machine's load hits both alike
                boolean oneFirst = round % 2 == 1;
                if (oneFirst) samples.add("scan1", one.run(in.scans()));
                samples.add("scan2", two.run(in.scans()));
                if (!oneFirst) samples.add("scan1", one.run(in.scans()));
                samples.add("tessDegCli", tesseract.perPage(in.degradedImages()));
                samples.add("tessDegWarm", tesseract.warm(in.degradedImages()));
                if (oneFirst) samples.add("deg1", one.run(in.degraded()));
                samples.add("deg2", two.run(in.degraded()));
                if (!oneFirst) samples.add("deg1", one.run(in.degraded()));
                double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
                double elapsed = (System.nanoTime() - t0) / 1e9;
                if (round < options.rounds() && elapsed + roundSeconds > options.budgetSeconds()) {
                    progress(t0, "stopping after round " + round + ": another would overrun the "
                            + options.budgetSeconds() + " s budget");
                    break;
                }
            }
            return round;
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void progress(long t0, String what) {
        System.err.printf("bench [%4.0f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
    }
}

package reportingest.bench;

import reportingest.layout.ocr.OcrEngines;

import java.util.HashMap;
import java.util.Map;

/**
 * @param rounds        interleaved rounds of the short measurements (medians are reported)
 * @param largePages    pages of the long scanned PDF (memory measurement)
 * @param budgetSeconds the short rounds stop early (after the first) when the next would end past this, counted from the start
 * @param keep          keep the generated inputs (their folder is printed)
 * @param engines       ingest.ocr.engines for every service the bench starts; null: the service's default
 */
record BenchOptions(int rounds, int largePages, int budgetSeconds, boolean keep, String engines) {
    private static final String USAGE =
            "usage: bin/bench [--rounds N] [--large-pages N] [--budget-seconds N] [--keep] [--engines tesseract|ppocr|tesseract,ppocr]";

    static BenchOptions parse(String[] args) {
        int rounds = 3, large = 200, budget = 540;
        boolean keep = false;
        String engines = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--large-pages" -> large = Integer.parseInt(args[++i]);
                case "--budget-seconds" -> budget = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                // parsed here so that a misspelt engine stops the bench before minutes of inputs are generated
                case "--engines" -> engines = OcrEngines.parse(args[++i]).setting();
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (rounds < 1 || large < 1) throw new IllegalArgumentException("--rounds and --large-pages must be positive");
        return new BenchOptions(rounds, large, budget, keep, engines);
    }

    /** The given settings with the chosen engines added (nothing added without --engines). */
    Map<String, String> with(Map<String, String> settings) {
        Map<String, String> out = new HashMap<>(settings);
        if (engines != null) out.put("ingest.ocr.engines", engines);
        return out;
    }
}

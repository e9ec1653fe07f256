package reportingest.bench;

import reportingest.layout.ocr.OcrEngines;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * @param rounds        interleaved rounds of the short measurements (medians are reported)
 * @param largePages    pages of the long scanned PDF (memory measurement)
 * @param largePageDpi  the resolution the long PDF's page size states for its 300-dpi images (72: a 300-dpi scan placed
 *                      on a 35-inch page, as img2pdf or a phone app writes a JPEG that states no density); 0: their own
 * @param budgetSeconds the short rounds stop early (after the first) when the next would end past this, counted from the start
 * @param keep          keep the generated inputs (their folder is printed)
 * @param engines       ingest.ocr.engines for every service the bench starts; null: the service's default
 * @param settings      other service settings for every service the bench starts (--set KEY=VALUE, as bin/eval's)
 */
record BenchOptions(int rounds, int largePages, int largePageDpi, int budgetSeconds, boolean keep, String engines, Map<String, String> settings) {
    private static final String USAGE =
            "usage: bin/bench [--rounds N] [--large-pages N] [--large-page-dpi N] [--budget-seconds N] [--keep] [--engines tesseract|ppocr|tesseract,ppocr]"
                    + " [--set KEY=VALUE]";

    static BenchOptions parse(String[] args) {
        int rounds = 3, large = 200, largeDpi = 0, budget = 540;
        boolean keep = false;
        String engines = null;
        Map<String, String> settings = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--large-pages" -> large = Integer.parseInt(args[++i]);
                case "--large-page-dpi" -> largeDpi = Integer.parseInt(args[++i]);
                case "--budget-seconds" -> budget = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                // parsed here so that a misspelt engine stops the bench before minutes of inputs are generated
                case "--engines" -> engines = OcrEngines.parse(args[++i]).setting();
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq < 1 || !kv.startsWith("ingest.")) throw new IllegalArgumentException("--set needs ingest.KEY=VALUE: " + kv + "\n" + USAGE);
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (rounds < 1 || large < 1) throw new IllegalArgumentException("--rounds and --large-pages must be positive");
        if (largeDpi < 0) throw new IllegalArgumentException("--large-page-dpi must be positive (or 0: the images' own)");
        return new BenchOptions(rounds, large, largeDpi, budget, keep, engines, Map.copyOf(settings));
    }

    /** The given settings with --set's and the chosen engines added (nothing added without them). */
    Map<String, String> with(Map<String, String> settings) {
        Map<String, String> out = new HashMap<>(this.settings);
        out.putAll(settings);
        if (engines != null) out.put("ingest.ocr.engines", engines);
        return out;
    }
}

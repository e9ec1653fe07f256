package reportingest.bench;

import reportingest.store.Json;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The bench's table for people and its closing JSON line. Ratios are service time per page / raw engine time per page. */
record BenchReport(Samples s, BenchInputs in, LargeScanRun.Result large, int rounds, int roundsAsked, String load,
                   int cores, double totalSeconds) {

    void print(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "report-ingest bench: %d core(s), load average at start %s; %d of %d round(s), medians (min–max s)%n",
                cores, load, rounds, roundsAsked);
        out.println("born-digital input: " + in.bornDigitalSource() + "; scans: 300-dpi grey renders of its pages");
        out.println();
        String fmt = "%-34s %6s %18s %9s   %-32s %9s %8s%n";
        out.printf(fmt, "input (service setting)", "pages", "service s", "pages/s", "raw engine on the same input", "raw s/pg", "ratio");
        row(out, fmt, "text reports (seeds), 2 workers", "text", null, null);
        row(out, fmt, "born-digital PDF, 2 workers", "born", "tabula", "Tabula lattice alone, in-JVM");
        row(out, fmt, "scan 300 dpi TIFF+PDF, 1 worker", "scan1", "tess", "tesseract CLI psm 6, 1 at a time");
        row(out, fmt, "scan 300 dpi TIFF+PDF, 2 workers", "scan2", "tess", "tesseract CLI psm 6, 1 at a time");
        row(out, fmt, "degraded scan TIFF, 1 worker", "deg1", "tessDeg", "tesseract CLI psm 6, 1 at a time");
        row(out, fmt, "degraded scan TIFF, 2 workers", "deg2", "tessDeg", "tesseract CLI psm 6, 1 at a time");
        Timing l = large.timing();
        out.printf(Locale.ROOT, fmt, in.largePages() + "-page scanned PDF, default", l.pages(),
                String.format(Locale.ROOT, "%.1f", l.seconds()), String.format(Locale.ROOT, "%.2f", l.pagesPerSecond()),
                "(own process, 1 run) peak RSS " + large.peakRssMb() + " MiB", "", "");
        out.println();
        out.printf(Locale.ROOT, "two-worker speedup on scans: %.2fx (1-worker time / 2-worker time, 300-dpi set)%n", speedup());
        out.printf(Locale.ROOT, "bench took %.0f s%n", totalSeconds);
        out.println(Json.MAPPER.writeValueAsString(summary()));
    }

    private void row(PrintStream out, String fmt, String label, String key, String rawKey, String rawLabel) {
        Timing t = s.median(key);
        String service = String.format(Locale.ROOT, "%.1f (%s)", t.seconds(), s.spread(key));
        String raw = rawKey == null ? "" : String.format(Locale.ROOT, "%.3f", s.median(rawKey).secondsPerPage());
        String ratio = rawKey == null ? "" : String.format(Locale.ROOT, "%.2f", s.pairedRatio(key, rawKey));
        out.printf(Locale.ROOT, fmt, label, t.pages(), service, String.format(Locale.ROOT, "%.2f", t.pagesPerSecond()),
                rawLabel == null ? "" : rawLabel, raw, ratio);
    }

    private double speedup() {
        return s.pairedRatio("scan1", "scan2");
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text_pages_per_s", round(s.median("text").pagesPerSecond()));
        m.put("born_digital_pages_per_s", round(s.median("born").pagesPerSecond()));
        m.put("scan_pages_per_s", round(s.median("scan2").pagesPerSecond()));
        m.put("degraded_scan_pages_per_s", round(s.median("deg2").pagesPerSecond()));
        m.put("scan_vs_tesseract_ratio", round(s.pairedRatio("scan1", "tess")));
        m.put("scan_vs_tesseract_ratio_2_workers", round(s.pairedRatio("scan2", "tess")));
        m.put("degraded_vs_tesseract_ratio", round(s.pairedRatio("deg1", "tessDeg")));
        m.put("born_digital_vs_tabula_ratio", round(s.pairedRatio("born", "tabula")));
        m.put("two_thread_speedup", round(speedup()));
        m.put("peak_rss_mb_200_pages", large.peakRssMb());
        m.put("large_scan_pages", large.timing().pages());
        m.put("large_scan_pages_per_s", round(large.timing().pagesPerSecond()));
        m.put("tesseract_s_per_page", round(s.median("tess").secondsPerPage()));
        m.put("tabula_pages_per_s", round(s.median("tabula").pagesPerSecond()));
        m.put("rounds", rounds);
        m.put("cores", cores);
        m.put("load_average_at_start", Double.parseDouble(load.split("\\s+")[0]));
        m.put("seconds", Math.round(totalSeconds));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

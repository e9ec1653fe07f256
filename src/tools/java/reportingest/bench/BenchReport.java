package reportingest.bench;

import reportingest.store.Json;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's table for people and its closing JSON line. Ratios are service time per page over raw
 * engine time per page, paired round by round; "cores" is the CPU the service got over wall time.
 */
record BenchReport(Samples s, BenchInputs in, LargeScanRun.Result large, int rounds, int roundsAsked, List<Double> loads,
                   int cores, double totalSeconds) {
    private static final String FMT = "%-34s %5s %17s %8s %6s   %-34s %8s %6s%n";

    void print(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "report-ingest bench: %d core(s); load average %.1f–%.1f during the run; %d of %d round(s), "
                + "medians (min–max s)%n", cores, minLoad(), maxLoad(), rounds, roundsAsked);
        out.println("born-digital: " + in.bornDigitalSource() + "; scans: 300-dpi grey renders of its pages");
        out.println();
        out.printf(FMT, "input (service setting)", "pages", "service s", "pages/s", "cores", "raw engine on the same input", "raw s/pg", "ratio");
        row(out, "text reports (seeds)", "text", null, null);
        row(out, "born-digital PDF", "born", "tabula", "Tabula lattice alone, same JVM");
        row(out, "scan 300 dpi TIFF+PDF, 1 worker", "scan1", "tess", "tesseract CLI psm 6, 1 at a time");
        row(out, "scan 300 dpi TIFF+PDF, 2 workers", "scan2", "tess", "tesseract CLI psm 6, 1 at a time");
        row(out, "degraded scan TIFF, 1 worker", "deg1", "tessDeg", "tesseract CLI psm 6, 1 at a time");
        row(out, "degraded scan TIFF, 2 workers", "deg2", "tessDeg", "tesseract CLI psm 6, 1 at a time");
        Timing l = large.timing();
        out.printf(Locale.ROOT, FMT, in.largePages() + "-page scanned PDF, default", l.pages(), f1(l.seconds()),
                f2(l.pagesPerSecond()), f2(l.coresBusy()), "own process, 1 run: peak RSS " + large.peakRssMb() + " MiB", "", "");
        out.println();
        out.printf(Locale.ROOT, "two-worker speedup on scans: %.2fx (1-worker / 2-worker time on the 300-dpi set)%n", speedup());
        out.println("long run: service process started as bin/run does (" + large.jvmOptions() + "), document " + large.status());
        out.printf(Locale.ROOT, "bench took %.0f s%n", totalSeconds);
        out.println(Json.MAPPER.writeValueAsString(summary()));
    }

    private void row(PrintStream out, String label, String key, String rawKey, String rawLabel) {
        Timing t = s.median(key);
        out.printf(Locale.ROOT, FMT, label, t.pages(), f1(t.seconds()) + " (" + s.spread(key) + ")", f2(t.pagesPerSecond()),
                f2(s.coresBusy(key)), rawLabel == null ? "" : rawLabel,
                rawKey == null ? "" : String.format(Locale.ROOT, "%.3f", s.median(rawKey).secondsPerPage()),
                rawKey == null ? "" : f2(s.pairedRatio(key, rawKey)));
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
        m.put("cores_busy_2_workers", round(s.coresBusy("scan2")));
        m.put("peak_rss_mb_200_pages", large.peakRssMb());
        m.put("large_scan_pages", large.timing().pages());
        m.put("large_scan_pages_per_s", round(large.timing().pagesPerSecond()));
        m.put("tesseract_s_per_page", round(s.median("tess").secondsPerPage()));
        m.put("tabula_pages_per_s", round(s.median("tabula").pagesPerSecond()));
        m.put("rounds", rounds);
        m.put("cores", cores);
        m.put("load_average_max", maxLoad());
        m.put("seconds", Math.round(totalSeconds));
        return m;
    }

    private double minLoad() { return loads.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }
    private double maxLoad() { return loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
    private static String f2(double v) { return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v); }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

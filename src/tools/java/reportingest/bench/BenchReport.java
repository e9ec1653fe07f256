package reportingest.bench;

import reportingest.config.IngestConfig;
import reportingest.store.Json;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's table for people and its closing JSON line. Ratios are service time per page over raw
 * engine time per page, paired round by round; the scans have two, one per way of running tesseract
 * (one warm process over all pages; one process per page, reloading its models each time). Service
 * times are at the default intake settings and include the settle wait, which is also shown apart;
 * "cores" is the CPU the service got over wall time.
 */
record BenchReport(Samples s, BenchInputs in, LargeScanRun.Result large, TwoNodesRun.Result nodes, int rounds,
                   int roundsAsked, List<Double> loads, IngestConfig config, int cores, double totalSeconds) {
    private static final String FMT = "%-34s %5s %17s %8s %8s %9s %6s | %-36s %8s %6s | %-33s %8s %6s%n";
    private static final String WARM = "tesseract warm: 1 process, all pages";
    private static final String CLI = "tesseract CLI: 1 process per page";

    void print(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "report-ingest bench: %d core(s); load average %.1f–%.1f during the run; %d of %d round(s), "
                + "medians (min–max s)%n", cores, minLoad(), maxLoad(), rounds, roundsAsked);
        out.println("OCR engines (ingest.ocr.engines): " + config.ocrEngines() + ", second reading (ingest.ocr.second-reading): "
                + (config.ocrSecondReadingDoubtfulOnly() ? "doubtful" : "all"));
        out.println("born-digital: " + in.bornDigitalSource() + "; scans: 300-dpi grey renders of its pages");
        out.printf(Locale.ROOT, "service at its default intake settings (file taken after %d ms unchanged, inbox polled every %d ms): "
                + "'service s' includes the wait before the first file is taken, 'settle s'; 'ex-settle' is pages/s without it%n",
                config.readLockMinAgeMs(), config.pollDelayMs());
        out.println();
        out.printf(FMT, "input (service setting)", "pages", "service s", "settle s", "pages/s", "ex-settle", "cores",
                "raw engine on the same input", "raw s/pg", "ratio", "second raw engine", "raw s/pg", "ratio");
        row(out, "text reports (seeds)", "text", null, null, null, null);
        row(out, "born-digital PDF", "born", "tabula", "Tabula lattice alone, same JVM", null, null);
        row(out, "scan 300 dpi TIFF+PDF, 1 worker", "scan1", "tessWarm", WARM, "tessCli", CLI);
        row(out, "scan 300 dpi TIFF+PDF, 2 workers", "scan2", "tessWarm", WARM, "tessCli", CLI);
        row(out, "degraded scan TIFF, 1 worker", "deg1", "tessDegWarm", WARM, "tessDegCli", CLI);
        row(out, "degraded scan TIFF, 2 workers", "deg2", "tessDegWarm", WARM, "tessDegCli", CLI);
        Timing l = large.timing();
        out.printf(Locale.ROOT, FMT, in.largePages() + "-page scanned PDF, default", l.pages(), f1(l.seconds()),
                f1(l.settleSeconds()), f2(l.pagesPerSecond()), f2(l.pages() / (l.seconds() - l.settleSeconds())),
                f2(l.coresBusy()), "own process, 1 run: peak RSS " + large.peakRssMb() + " MiB", "", "", "", "", "");
        out.println();
        out.printf(Locale.ROOT, "ratio = service s/page over raw s/page: against the warm tesseract it compares OCR with OCR; "
                + "against the per-page CLI the raw side also pays a model load per page (%.2f s/page more than warm here)%n",
                s.median("tessCli").secondsPerPage() - s.median("tessWarm").secondsPerPage());
        out.printf(Locale.ROOT, "two-worker speedup on scans: %.2fx (1-worker / 2-worker time on the 300-dpi set; "
                + "2 workers = 2 documents and 2 pages at a time)%n", speedup());
        if (nodes == null) {
            out.println("two nodes: not measured (PostgreSQL is not installed; bin/setup installs it)");
        } else {
            out.printf(Locale.ROOT, "two nodes of 1 worker on one PostgreSQL, same machine: %.2fx the throughput of one "
                    + "(%d pages of scans: %.1f s on one node, %.1f s on two)%n", nodes.speedup(), nodes.oneNode().pages(),
                    nodes.oneNode().seconds(), nodes.twoNodes().seconds());
        }
        out.println("long run: service process started as bin/run does (" + large.jvmOptions() + "), document " + large.status());
        out.printf(Locale.ROOT, "bench took %.0f s%n", totalSeconds);
        out.println(Json.MAPPER.writeValueAsString(summary()));
    }

    private void row(PrintStream out, String label, String key, String rawKey, String rawLabel, String raw2Key,
                     String raw2Label) {
        Timing t = s.median(key);
        out.printf(Locale.ROOT, FMT, label, t.pages(), f1(t.seconds()) + " (" + s.spread(key) + ")",
                f1(s.medianSettle(key)), f2(t.pagesPerSecond()), f2(s.pagesPerSecondExSettle(key)), f2(s.coresBusy(key)),
                rawLabel == null ? "" : rawLabel, secondsPerPage(rawKey), ratio(key, rawKey),
                raw2Label == null ? "" : raw2Label, secondsPerPage(raw2Key), ratio(key, raw2Key));
    }

    private String secondsPerPage(String rawKey) {
        return rawKey == null ? "" : String.format(Locale.ROOT, "%.3f", s.median(rawKey).secondsPerPage());
    }

    private String ratio(String key, String rawKey) {
        return rawKey == null ? "" : f2(s.pairedRatio(key, rawKey));
    }

    private double speedup() {
        return s.pairedRatio("scan1", "scan2");
    }

    /** Ratio keys say which raw side they are against: tesseract_warm or tesseract_per_page_cli. */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intake", "defaults");
        m.put("ocr_engines", config.ocrEngines());
        m.put("ocr_second_reading", config.ocrSecondReadingDoubtfulOnly() ? "doubtful" : "all");
        m.put("intake_read_lock_min_age_ms", config.readLockMinAgeMs());
        m.put("intake_poll_delay_ms", config.pollDelayMs());
        m.put("text_pages_per_s", round(s.median("text").pagesPerSecond()));
        m.put("born_digital_pages_per_s", round(s.median("born").pagesPerSecond()));
        m.put("scan_pages_per_s", round(s.median("scan2").pagesPerSecond()));
        m.put("degraded_scan_pages_per_s", round(s.median("deg2").pagesPerSecond()));
        m.put("text_settle_s", round(s.medianSettle("text")));
        m.put("born_digital_settle_s", round(s.medianSettle("born")));
        m.put("scan_settle_s", round(s.medianSettle("scan2")));
        m.put("degraded_scan_settle_s", round(s.medianSettle("deg2")));
        m.put("text_pages_per_s_ex_settle", round(s.pagesPerSecondExSettle("text")));
        m.put("born_digital_pages_per_s_ex_settle", round(s.pagesPerSecondExSettle("born")));
        m.put("scan_pages_per_s_ex_settle", round(s.pagesPerSecondExSettle("scan2")));
        m.put("degraded_scan_pages_per_s_ex_settle", round(s.pagesPerSecondExSettle("deg2")));
        m.put("scan_vs_tesseract_warm_ratio", round(s.pairedRatio("scan1", "tessWarm")));
        m.put("scan_vs_tesseract_per_page_cli_ratio", round(s.pairedRatio("scan1", "tessCli")));
        m.put("scan_2_workers_vs_tesseract_warm_ratio", round(s.pairedRatio("scan2", "tessWarm")));
        m.put("scan_2_workers_vs_tesseract_per_page_cli_ratio", round(s.pairedRatio("scan2", "tessCli")));
        m.put("degraded_vs_tesseract_warm_ratio", round(s.pairedRatio("deg1", "tessDegWarm")));
        m.put("degraded_vs_tesseract_per_page_cli_ratio", round(s.pairedRatio("deg1", "tessDegCli")));
        m.put("born_digital_vs_tabula_ratio", round(s.pairedRatio("born", "tabula")));
        m.put("two_thread_speedup", round(speedup()));
        m.put("cores_busy_2_workers", round(s.coresBusy("scan2")));
        m.put("two_nodes_speedup", nodes == null ? null : round(nodes.speedup()));
        m.put("peak_rss_mb_200_pages", large.peakRssMb());
        m.put("large_scan_pages", large.timing().pages());
        m.put("large_scan_pages_per_s", round(large.timing().pagesPerSecond()));
        m.put("large_scan_settle_s", round(large.timing().settleSeconds()));
        m.put("tesseract_warm_s_per_page", round(s.median("tessWarm").secondsPerPage()));
        m.put("tesseract_per_page_cli_s_per_page", round(s.median("tessCli").secondsPerPage()));
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

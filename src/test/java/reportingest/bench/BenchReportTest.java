package reportingest.bench;

import org.junit.jupiter.api.Test;
import reportingest.config.IngestConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bench's figures from known timings: each scan ratio is named for its raw side (warm tesseract,
 * per-page CLI), the intake settings are the defaults', and the settle wait is reported apart.
 */
class BenchReportTest {
    private static BenchReport report() {
        Samples s = new Samples();
        // service runs: pages, wall s, cpu s, settle s
        s.add("text", new Timing(5, 5.0, 2.0, 2.5));
        s.add("born", new Timing(100, 12.5, 10.0, 2.5));
        s.add("scan1", new Timing(8, 18.0, 16.0, 2.0));
        s.add("scan2", new Timing(8, 12.0, 20.0, 2.0));
        s.add("deg1", new Timing(2, 6.0, 5.0, 2.0));
        s.add("deg2", new Timing(2, 5.0, 6.0, 2.0));
        // raw engines: pages, wall s
        s.add("tabula", new Timing(100, 5.0));
        s.add("tessWarm", new Timing(8, 16.0));
        s.add("tessCli", new Timing(8, 24.0));
        s.add("tessDegWarm", new Timing(2, 4.0));
        s.add("tessDegCli", new Timing(2, 5.0));
        BenchInputs in = new BenchInputs(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Path.of("x.pdf"),
                4, List.of(), "synthetic");
        LargeScanRun.Result large = new LargeScanRun.Result(new Timing(4, 10.0, 8.0, 2.0), 600, "DONE", "-Xmx768m");
        // one node: 24 pages in 60 s; two nodes: in 40 s
        TwoNodesRun.Result nodes = new TwoNodesRun.Result(new Timing(24, 60.0), new Timing(24, 40.0));
        return new BenchReport(s, in, large, nodes, 1, 1, List.of(1.0, 2.0),
                IngestConfig.withOverrides(Map.of("ingest.home", "/tmp/unused")), 2, 60);
    }

    @Test
    void scanRatiosAreNamedForTheirRawSideAndIntakeIsTheDefault() {
        Map<String, Object> m = report().summary();

        assertThat(m).containsEntry("ocr_engines", "tesseract").containsEntry("intake", "defaults")
                .containsEntry("intake_read_lock_min_age_ms", 2000L)
                .containsEntry("intake_poll_delay_ms", 500L);
        // scan1: 18 s / 8 pages = 2.25 s/page; warm tesseract 2.0 s/page, per-page CLI 3.0 s/page
        assertThat((double) m.get("scan_vs_tesseract_warm_ratio")).isCloseTo(1.125, within(0.001));
        assertThat((double) m.get("scan_vs_tesseract_per_page_cli_ratio")).isCloseTo(0.75, within(0.001));
        assertThat((double) m.get("scan_2_workers_vs_tesseract_warm_ratio")).isCloseTo(0.75, within(0.001));
        assertThat((double) m.get("degraded_vs_tesseract_warm_ratio")).isCloseTo(1.5, within(0.001));
        assertThat((double) m.get("degraded_vs_tesseract_per_page_cli_ratio")).isCloseTo(1.2, within(0.001));
        assertThat(m).doesNotContainKeys("scan_vs_tesseract_ratio", "tesseract_s_per_page");
    }

    @Test
    void twoNodesSpeedupIsOneNodesTimeOverTwoNodesTime() throws Exception {
        assertThat((double) report().summary().get("two_nodes_speedup")).isCloseTo(1.5, within(0.001));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("two nodes of 1 worker on one PostgreSQL, same machine: 1.50x the throughput of one (24 pages of scans: 60.0 s on one node, 40.0 s on two)");
    }

    @Test
    void settleWaitIsIncludedInThroughputAndReportedApart() {
        Map<String, Object> m = report().summary();

        assertThat((double) m.get("born_digital_pages_per_s")).isCloseTo(8.0, within(0.001));          // 100 / 12.5
        assertThat((double) m.get("born_digital_pages_per_s_ex_settle")).isCloseTo(10.0, within(0.001)); // 100 / 10
        assertThat((double) m.get("born_digital_settle_s")).isCloseTo(2.5, within(0.001));
        assertThat((double) m.get("large_scan_settle_s")).isCloseTo(2.0, within(0.001));
    }

    @Test
    void theTableSaysWhichRawSideEachRatioIsAgainst() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("default intake settings (file taken after 2000 ms unchanged, inbox polled every 500 ms)");
        assertThat(text.lines().filter(l -> l.startsWith("scan 300 dpi TIFF+PDF, 1 worker")).findFirst().orElseThrow())
                .contains("tesseract warm: 1 process, all pages", "2.000", "1.13")
                .contains("tesseract CLI: 1 process per page", "3.000", "0.75");
    }
}

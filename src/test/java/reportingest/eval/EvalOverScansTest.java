package reportingest.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed scan fixtures (fixtures/scans, see fixtures/README.md) through the real service
 * with real Tesseract, scored per file (= per degradation). One run for all files: about 35 pages of
 * OCR, a few minutes on two cores. The bars are the scan issue's: no wrong cell unflagged, every
 * table found, 99% of cells right and at most 5% in review on every degradation, clean scans complete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalOverScansTest {
    private static final Path SCANS = Path.of("fixtures/scans");
    private static final Path TRUTH = Path.of("fixtures/scans-truth");
    private EvalReport report;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void runAll() throws Exception {
        report = EvalRun.run(SCANS, TRUTH, true).report();
        report.lines(0, 0).forEach(System.out::println);
    }

    Stream<String> scans() throws Exception {
        try (Stream<Path> s = Files.list(SCANS)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private DocumentScore score(String file) {
        return report.documents().stream().filter(d -> d.document().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + file));
    }

    @ParameterizedTest
    @MethodSource("scans")
    void noWrongCellGoesUnflagged(String file) {
        DocumentScore d = score(file);
        assertThat(d.mismatches().stream().filter(m -> m.kind() == CellMismatch.Kind.WRONG_UNFLAGGED && !m.ofLabel()).toList())
                .as(file).isEmpty();
    }

    /** Issue #20 item 2: a row label that differs from the truth (OCR garbage, a name cut short) is flagged. */
    @ParameterizedTest
    @MethodSource("scans")
    void noWrongLabelGoesUnflagged(String file) {
        DocumentScore d = score(file);
        assertThat(d.mismatches().stream().filter(m -> m.kind() == CellMismatch.Kind.WRONG_UNFLAGGED && m.ofLabel())
                .map(m -> m.row() + " read as " + m.actual()).toList()).as(file).isEmpty();
        assertThat(d.measures().labels().wrongUnflagged()).as(file).isZero();
    }

    @Test
    void everyTableIsFound() {
        EvalCounts c = report.total();
        assertThat(c.tablesExpected()).isEqualTo(19);
        assertThat(c.tablesFound()).isEqualTo(19);
    }

    /** The scan issue's bars for degraded scans: at least 99% of cells right, at most 5% of cells sent to review. */
    @ParameterizedTest
    @MethodSource("scans")
    void everyScanHasNinetyNinePercentOfCellsRightAndAtMostFivePercentInReview(String file) {
        EvalCounts c = score(file).counts();
        assertThat(c.cellsCorrect()).as(file).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * c.cellsExpected()));
        assertThat(c.cellsFlagged()).as(file).isLessThanOrEqualTo((int) Math.floor(0.05 * c.cellsExpected()));
    }

    /**
     * The same bars on printed amounts (truth non-blank), where a blank left blank cannot pad the rate:
     * none wrong without a flag, none missing, and at least 97% right per file. 97 and not 99: the
     * stamped scan has 2 of its 92 printed amounts wrong (flagged), 97.8%; every other file has all right.
     */
    @ParameterizedTest
    @MethodSource("scans")
    void printedAmountsAreRightOrFlaggedOnEveryScan(String file) {
        DocumentScore d = score(file);
        Measures m = d.measures();
        assertThat(m.printed().wrongUnflagged()).as(file).isZero();
        assertThat(m.printed().missing()).as(file).isZero();
        assertThat(m.printed().right()).as(file).isGreaterThanOrEqualTo((int) Math.ceil(0.97 * m.printed().expected()));
        assertThat(m.blanks().wrong()).as(file).isZero();
        // no row beyond the truth in a recognised form; a fragment of another form printed on a scanned page
        // (outside the forms the truth lists) may be kept under schema unknown (ScansThroughServiceTest: in review)
        assertThat(d.tables().stream().filter(t -> !t.schema().equals("unknown")).mapToInt(TableScore::rowsExtra).sum())
                .as(file).isZero();
    }

    /** Today's totals as floors (2026-12-07, session 9): 470 of 472 printed amounts, 556 of 557 row labels (1 OCR-damaged name, flagged). */
    @Test
    void printedAmountAndLabelTotals() {
        Measures m = report.measures();
        assertThat(m.printed().expected()).isEqualTo(472);
        assertThat(m.printed().right()).isGreaterThanOrEqualTo(470);
        assertThat(m.blanks().expected()).isEqualTo(870);
        assertThat(m.labels().expected()).isEqualTo(557);
        assertThat(m.labels().right()).isGreaterThanOrEqualTo(556);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void cleanScansAreReadCompletelyWithoutReview() {
        for (String file : List.of("001_a8898a713e576bc4-t02-05.scan300.pdf", "gen03_e94b0d1a6c8f2357-t05.page.jpg")) {
            EvalCounts c = score(file).counts();
            assertThat(c.cellsCorrect()).as(file).isEqualTo(c.cellsExpected());
            assertThat(c.cellsFlagged()).as(file).isZero();
        }
    }
}

package reportingest.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed producer set (fixtures/producers: Chromium, LibreOffice Calc and PDFBox documents in
 * several faces, and scans packed by img2pdf, ImageMagick, Ghostscript and as TIFF; see
 * fixtures/README.md) through the real service, scored per file against the bars of issue #11:
 * born-digital every printed amount right and none wrong unflagged; clean scans at least 99.8% of
 * cells right, degraded at least 99%, at most 5% of cells in review, none wrong unflagged.
 *
 * <p>Files in {@link #FLOORS} do not reach their bar today, for failure classes the never-seen branch
 * is fixing (Type 3 fonts from Chromium, image-only PDFs whose page is sized at 72/96 dpi). For them
 * today's measured values are asserted exactly, as floors: a change in either direction fails here
 * and the floor is updated on purpose (raised towards the bar) or the file moves to the bar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalOverProducersTest {
    private static final Path INPUTS = Path.of("fixtures/producers");
    private static final Path TRUTH = Path.of("fixtures/producers-truth");

    /** Today's value of a file that is below its bar: printed amounts right, wrong unflagged, missing, cells flagged. */
    record Floor(int printedRight, int wrongUnflagged, int missing, int cellsFlagged, String why) {}

    /**
     * Measured 2026-12-06 on main after the never-seen (Type 3, page size) and budgets (unknown tables kept)
     * merges; see the class comment. prd02 (Chromium Type 3, unruled) and prd09 now meet the bar and left this list,
     * and prd12 (Calc, unruled: was 139 of 188 right, 46 missing) after unruled spreadsheet tables were read whole;
     * prd01 (Chromium Type 3, Noto Serif, ruled: was 179 of 187, 8 missing) on 2026-12-07, once a segment Tabula carries
     * from one glyph into the next was no longer taken for a rule; prd11 (150-dpi degraded scan on a 72-dpi page: was
     * all 12 cells in review) once the skew estimate no longer favoured 0° on faint pages.
     */
    static final Map<String, Floor> FLOORS = Map.ofEntries(
            Map.entry("prd07_000000005eed0007-t05.calc.uming.scan150-colour-degraded-tiff.tiff", new Floor(37, 0, 0, 3,
                    "degraded 150-dpi colour TIFF: every printed amount right but 3 of 54 cells in review (bar: 2; was 9 "
                            + "before the skew estimate's bins matched its sampling, 2026-12-07); issue #11 class 3")));

    private EvalReport report;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void runAll() throws Exception {
        report = EvalRun.run(INPUTS, TRUTH, true).report();
        report.lines(0, 0).forEach(System.out::println);
    }

    Stream<String> inputs() throws Exception {
        try (Stream<Path> s = Files.list(INPUTS)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private DocumentScore score(String file) {
        return report.documents().stream().filter(d -> d.document().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + file + "; errors: " + report.errors()));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyFileMeetsItsBarOrItsRecordedFloor(String file) {
        Facets f = Facets.of(file).orElseThrow(() -> new AssertionError(file + " is not named producer.font.look"));
        Floor floor = FLOORS.get(file);
        if (floor != null) {
            assertFloor(file, floor);
            return;
        }
        DocumentScore d = score(file);
        Outcomes p = d.measures().printed();
        EvalCounts c = d.counts();
        assertThat(p.wrongUnflagged()).as(file + " printed amounts wrong and unflagged").isZero();
        assertThat(c.cellsWrongUnflagged()).as(file + " cells wrong and unflagged").isZero();
        if (f.scan().equals("born-digital")) {
            assertThat(p.right()).as(file + " printed amounts right").isEqualTo(p.expected());
        } else {
            double bar = f.scan().contains("-clean-") ? 0.998 : 0.99;
            assertThat(c.cellsCorrect()).as(file + " cells right").isGreaterThanOrEqualTo((int) Math.ceil(bar * c.cellsExpected()));
            assertThat(c.cellsFlagged()).as(file + " cells in review").isLessThanOrEqualTo((int) Math.floor(0.05 * c.cellsExpected()));
        }
    }

    private void assertFloor(String file, Floor floor) {
        if (floor.printedRight() < 0) {
            assertThat(report.errors()).as(file + " (floor: " + floor.why() + ")").anyMatch(e -> e.input().equals(file));
            return;
        }
        DocumentScore d = score(file);
        Outcomes p = d.measures().printed();
        assertThat(new Floor(p.right(), p.wrongUnflagged(), p.missing(), d.counts().cellsFlagged(), floor.why()))
                .as(file + " floor (" + floor.why() + ")").isEqualTo(floor);
    }

    @Test
    void everyFileIsScoredOrAnExpectedFailure() throws Exception {
        long inputs = inputs().count();
        long expectedErrors = FLOORS.values().stream().filter(f -> f.printedRight() < 0).count();
        assertThat(report.documents().size() + report.errors().size()).isEqualTo((int) inputs);
        assertThat(report.errors()).hasSize((int) expectedErrors);
    }
}

package reportingest.layout.ocr.real;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.layout.Page;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.support.Ratchet;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.TabulaTableRecognizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real page images, not our generated fixtures (issue #6): 144-dpi renders of a 2026 单位预算 whose PNGs
 * claim 96 dpi, checked against the PDF's own page text, and a 96-dpi cTDaR page that states no
 * resolution, checked against a hand transcription of its amounts. Skipped when ../shared/external is
 * absent. What is pinned is what was measured (see RealRendersMeasure).
 * <p>
 * In-sample thresholds: the image path's resolution and hairline settings were tuned on the very renders the first
 * four tests score: {@code PaperSize}'s A4 proportion tolerance and the renderer-default-dpi rule on the shiquan_unit26
 * PNGs (p33, p9, p10, p34), and {@code OcrResolution.HAIRLINE_DPI} (150) with {@code RulingDetector.LOW_RESOLUTION_INK}
 * (200) on cTDaR_t10084. The last test runs the seven cTDaR pages nobody tuned on and holds what they give today to
 * floors in src/test/resources/ratchet/real-renders-ctdar.tsv (out-of-sample figures, see Ratchet).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPageRendersTest {
    private TesseractOcr ocr;
    private final Map<Path, List<Page>> read = new HashMap<>();

    @BeforeAll
    void engine() {
        if (present()) ocr = new TesseractOcr(RealRenders.TESSDATA, "chi_sim+eng");
    }

    /** Skips every test, saying why, when the renders are absent (an aborted @BeforeAll is reported as no test at all). */
    @BeforeEach
    void rendersPresent() {
        assumeTrue(present(), "real renders absent: no " + RealRenders.PUTUO + " or " + RealRenders.CTDAR + " beside the repository");
    }

    private static boolean present() {
        return Files.isDirectory(RealRenders.PUTUO) && Files.isDirectory(RealRenders.CTDAR);
    }

    @AfterAll
    void close() {
        if (ocr != null) ocr.close();
    }

    private Page page(Path image) throws IOException {
        assumeTrue(Files.isRegularFile(image), image + " absent");
        if (!read.containsKey(image)) read.put(image, RealRenders.ocr(ocr, image));
        return read.get(image).get(0);
    }

    @Test
    void anA4RenderStampedNinetySixDpiIsReadAtTheHundredFortyFourItWasDrawnAt() throws IOException {
        Page p33 = page(RealRenders.putuoPage(33));
        // Landscape A4 is 842 × 595 pt; taken at the stated 96 dpi it would be 1263 pt wide.
        assertThat(p33.width()).isCloseTo(842, within(2.0));
        assertThat(p33.height()).isCloseTo(595, within(2.0));
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 9, 10, 34})
    void everyAmountThePdfTextPrintsIsReadExactly(int number) throws IOException {
        Page page = page(RealRenders.putuoPage(number));
        List<String> printed = PrintedAmounts.in(RealRenders.putuoPageText(number));
        assertThat(printed).as("amounts printed on p%d", number).hasSize(Map.of(33, 3, 9, 39, 10, 39, 34, 17).get(number));
        assertThat(PrintedAmounts.missed(printed, PrintedAmounts.in(RealRenders.text(page)))).as("p%d", number).isEmpty();
    }

    @Test
    void theThreePublicExpensesTableIsRecoveredWithItsHeaderAndEveryAmountInItsColumn() throws IOException {
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page(RealRenders.putuoPage(33))));
        assertThat(tables).hasSize(1);
        List<List<String>> rows = tables.get(0).rows().stream().map(RealPageRendersTest::compact).toList();
        // 2-level header: 公务用车购置及运行费 spans 小计 | 购置费 | 运行费; 合计 … 公务接待费 span both levels.
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("“三公”经费预算数").contains("机关运行经费预算数");
        assertThat(rows.get(1)).startsWith("合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费");
        assertThat(rows.get(2)).containsSubsequence("小计", "购置费", "运行费");
        assertThat(rows.get(3)).startsWith("8.53", "", "1.53", "7", "", "7", "386.02");
    }

    @Test
    void aNinetySixDpiPageWithHairlineRulesHasItsTableAmountsRead() throws IOException {
        Path jpg = RealRenders.CTDAR.resolve("cTDaR_t10084.jpg");
        Page page = page(jpg);
        String transcribed;
        try (var in = getClass().getResourceAsStream("/real-renders/cTDaR_t10084.amounts.txt")) {
            transcribed = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^#.*$", "");
        }
        List<String> printed = PrintedAmounts.in(transcribed);
        assertThat(printed).hasSize(79);
        // Measured 77 of 79 (9.11 and 0.88 missed); with the hairlines left in the image it was 51.
        assertThat(PrintedAmounts.missed(printed, PrintedAmounts.in(RealRenders.text(page)))).hasSizeLessThanOrEqualTo(2);
    }

    /**
     * t10084's own table cells (its cTDaR xml), measured like the seven pages below but held apart from their ratchet:
     * the hairline and resolution thresholds were tuned on this page, so its figure is no out-of-sample score. It is
     * held so that a table reader losing rows is seen on this page too (docs/break-on-purpose-2026-12-06.md).
     */
    @Test
    void theHairlinePageKeepsItsTruthCellsInsideRecoveredTableCells() throws Exception {
        Path jpg = RealRenders.CTDAR.resolve("cTDaR_t10084.jpg");
        Page page = page(jpg);
        CtdarTruth truth = CtdarTruth.read(RealRenders.CTDAR.resolve("cTDaR_t10084.xml"));
        double pxPerPt = javax.imageio.ImageIO.read(jpg.toFile()).getWidth() / page.width();
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
        int cells = 0, inTableCell = 0;
        for (CtdarTruth.Table t : truth.tables()) {
            for (CtdarTruth.Box c : t.cells()) {
                cells++;
                if (RealRendersMeasure.tableCellOver(tables, c, pxPerPt)) inTableCell++;
            }
        }
        System.out.printf("CTDAR cTDaR_t10084: truth cells %d, in a recovered table cell %d%n", cells, inTableCell);
        assertThat(cells).isEqualTo(121);
        // measured 86 of 121 on 2026-12-06; a floor, as for the seven pages below
        assertThat(inTableCell).isGreaterThanOrEqualTo(86);
    }

    private static final Ratchet CTDAR_FLOORS = Ratchet.floors("real-renders-ctdar",
            "truthCells", "cellsWithOcrText", "cellsInARecoveredTableCell", "truthTablesHit");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cTDaR_t10014", "cTDaR_t10021", "cTDaR_t10030", "cTDaR_t10034", "cTDaR_t10066", "cTDaR_t10083", "cTDaR_t10094"})
    void pagesNoThresholdWasTunedOnKeepTheirTableCellsRecovered(String name) throws Exception {
        Path jpg = RealRenders.CTDAR.resolve(name + ".jpg");
        Page page = page(jpg);
        CtdarTruth truth = CtdarTruth.read(RealRenders.CTDAR.resolve(name + ".xml"));
        double pxPerPt = javax.imageio.ImageIO.read(jpg.toFile()).getWidth() / page.width();
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
        int cells = 0, withText = 0, inTableCell = 0, hit = 0;
        for (CtdarTruth.Table t : truth.tables()) {
            boolean found = false;
            for (CtdarTruth.Box c : t.cells()) {
                cells++;
                if (RealRendersMeasure.wordOver(page, c, pxPerPt)) withText++;
                if (RealRendersMeasure.tableCellOver(tables, c, pxPerPt)) { inTableCell++; found = true; }
            }
            if (found) hit++;
        }
        System.out.printf("CTDAR %s: truth cells %d, with OCR text %d, in a recovered table cell %d; truth tables hit %d/%d%n",
                name, cells, withText, inTableCell, hit, truth.tables().size());
        CTDAR_FLOORS.check(name, cells, withText, inTableCell, hit);
    }

    /** Cell texts without the spaces OCR puts inside figures ("8. 53"), as the amount parser reads them. */
    private static List<String> compact(RawRow row) {
        return row.cells().stream().map(RawCell::text).map(t -> t.replaceAll("\\s+", "")).toList();
    }
}

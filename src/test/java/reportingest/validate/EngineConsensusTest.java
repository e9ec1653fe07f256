package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.layout.BBox;
import reportingest.layout.OtherReading;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.tables.RawGrids;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two OCR engines read a cell differently: the table's identities referee (issue #19). The tables are
 * laid out as {@link RawGrids} lays them (cell (col, row) at x = 10·col, y = 10·row on page 1), and the
 * second engine's readings sit on the page at those cells, as the OCR stage leaves them.
 */
class EngineConsensusTest {
    private final Catalog catalog = Catalog.load();

    private static final String[] EXPENSES = {
            "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
            "科目编码|科目名称||||||",
            "合计||374.48|374.48|||||",
            "208|社会保障和就业支出|151.09|151.09||||",
            "20805|行政事业单位养老支出|151.09|151.09||||",
            "2080505|机关事业单位基本养老保险缴费支出|151.09|151.09||||",
            "221|住房保障支出|%s|223.39||||",
            "22102|住房改革支出|223.39|223.39||||",
            "2210201|住房公积金|223.39|223.39||||"};

    /** The table with Tesseract's reading of 住房保障支出 本年支出合计 (row 6, column 2), PP-OCR's beside it. */
    private ExtractedTable validated(String tesseract, String ppocr) {
        String[] rows = EXPENSES.clone();
        rows[6] = String.format(rows[6], tesseract);
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(List.of(), List.of(RawGrids.ocr("支出决算表", rows)));
        Page page = new Page(1, 595, 842, PageOrigin.OCR, List.of(), List.of(),
                List.of(new OtherReading(new BBox(20, 60, 10, 10), ppocr, 97.0, "ppocr", tesseract)));
        return new Validator(catalog).validate(doc, List.of(page)).document().tables().get(0);
    }

    private static TableRow row(ExtractedTable t, String name) {
        return t.rows().stream().filter(r -> name.equals(r.key().get("name"))).findFirst().orElseThrow();
    }

    private static List<String> codes(CellValue c) {
        return c.flags().stream().map(Flag::code).toList();
    }

    @Test
    void theReadingThatMakesEveryIdentityHoldIsTakenAndBothAreKept() {
        ExtractedTable t = validated("227339", "223.39");
        TableRow r = row(t, "住房保障支出");
        CellValue c = r.cells().get("本年支出合计");
        assertThat(c.value()).isEqualTo("223.39");
        assertThat(c.raw()).isEqualTo("223.39");
        assertThat(codes(c)).containsExactly("ENGINES_DISAGREED");
        assertThat(c.flags().get(0).message()).contains("Tesseract read '227339'", "PP-OCR read '223.39'",
                "PP-OCR's reading makes all", "identities covering this cell hold");
        assertThat(c.flags().get(0).asksForReview()).isFalse();
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(t.rows()).allMatch(x -> x.status() == RowStatus.ACCEPTED);
        assertThat(c.confidence()).isGreaterThan(97.0); // raised by the identities it satisfies
    }

    @Test
    void whenTheFirstEngineIsRightItsReadingStaysAndTheDisagreementIsRecorded() {
        ExtractedTable t = validated("223.39", "228.39");
        CellValue c = row(t, "住房保障支出").cells().get("本年支出合计");
        assertThat(c.value()).isEqualTo("223.39");
        assertThat(codes(c)).containsExactly("ENGINES_DISAGREED");
        assertThat(c.flags().get(0).message()).contains("Tesseract's reading makes");
        assertThat(row(t, "住房保障支出").status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void whenNoIdentityDecidesTheCellGoesToReviewWithTheOtherReadingAsItsProposal() {
        // both readings break the row sum and the hierarchy: neither is taken silently
        ExtractedTable t = validated("228.39", "229.39");
        TableRow r = row(t, "住房保障支出");
        CellValue c = r.cells().get("本年支出合计");
        assertThat(c.value()).isEqualTo("228.39");
        assertThat(codes(c)).contains("ENGINES_UNDECIDED");
        assertThat(c.flags().stream().filter(f -> f.code().equals("ENGINES_UNDECIDED")).findFirst().orElseThrow().message())
                .contains("Tesseract read '228.39'", "PP-OCR read '229.39'", "no identity decides");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void twoDisputedCellsOfOneRowAreDecidedTogether() {
        // the stamped scan in fixtures/scans: Tesseract read 住房保障支出 as 227339 | 一 一 203.39, PP-OCR 223.39 | 223.39;
        // with either cell alone the row still does not add up
        String[] rows = EXPENSES.clone();
        rows[6] = "221|住房保障支出|227339|一 一 203.39||||";
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(List.of(), List.of(RawGrids.ocr("支出决算表", rows)));
        Page page = new Page(1, 595, 842, PageOrigin.OCR, List.of(), List.of(), List.of(
                new OtherReading(new BBox(20, 60, 10, 10), "223.39", 99.8, "ppocr", "227339"),
                new OtherReading(new BBox(30, 60, 10, 10), "223.39", 99.9, "ppocr", "一 一 203.39")));
        ExtractedTable t = new Validator(catalog).validate(doc, List.of(page)).document().tables().get(0);
        TableRow r = row(t, "住房保障支出");
        assertThat(r.cells().get("本年支出合计").value()).isEqualTo("223.39");
        assertThat(r.cells().get("基本支出").value()).isEqualTo("223.39");
        assertThat(codes(r.cells().get("本年支出合计"))).containsExactly("ENGINES_DISAGREED");
        assertThat(codes(r.cells().get("基本支出"))).containsExactly("ENGINES_DISAGREED");
        assertThat(r.cells().get("基本支出").flags().get(0).message()).contains("1 other disputed cells");
        assertThat(t.rows()).allMatch(x -> x.status() == RowStatus.ACCEPTED);
    }

    @Test
    void theSameAmountWrittenDifferentlyIsNoDisagreement() {
        ExtractedTable t = validated("223.39", "２２３.３９");
        CellValue c = row(t, "住房保障支出").cells().get("本年支出合计");
        assertThat(c.flags()).isEmpty();
        assertThat(row(t, "住房保障支出").status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void aBlankTheFirstEngineLeftIsFilledWhenTheIdentitiesNeedTheSecondReading() {
        ExtractedTable t = validated("", "223.39");
        CellValue c = row(t, "住房保障支出").cells().get("本年支出合计");
        assertThat(c.value()).isEqualTo("223.39");
        assertThat(codes(c)).containsExactly("ENGINES_DISAGREED");
        assertThat(c.flags().get(0).message()).contains("Tesseract read nothing");
    }
}

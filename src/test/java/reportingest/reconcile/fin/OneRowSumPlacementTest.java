package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawGrids;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-row table whose header OCR read as noise (a Calc fit-to-page 三公 table scanned at 150 dpi, figures 6 px high:
 * seed 299792458): its figures are read exactly, and the table's sums say which columns they stand in.
 */
class OneRowSumPlacementTest {
    private static final String TITLE = "财政拨款“三公”经费支出决算表";
    private static final String[] NOISE = {"预算数|||||||决算数||||", "ap 因 公 出 ( 境||es JIN 4 ai:|||||因 公 出||||neh",
            "au|费 wit|DRS|es|Ot|||wit|.3 行 维||aries|"};

    private ExtractedTable one(String values) {
        return one(NOISE, values);
    }

    private ExtractedTable one(String[] header, String values) {
        String[] rows = java.util.Arrays.copyOf(header, header.length + 1);
        rows[header.length] = values;
        List<ExtractedTable> t = new CatalogReconciler().reconcile(List.of(),
                List.of(new RawTable(TITLE, null, List.of(), RawGrids.rows(PageOrigin.OCR, 90.0, rows), 1, 1, false))).tables();
        assertThat(t).hasSize(1);
        return t.get(0);
    }

    @Test
    void figuresUnderAHeaderOfNoiseStandWhereTheTablesSumsHold() {
        ExtractedTable t = one("38.62||38.62|24.95|13.67||33.52||33.52|23.47|10.05|");
        TableRow r = t.rows().get(0);
        assertThat(r.cells().get("预算数.合计").value()).isEqualTo("38.62");
        assertThat(r.cells().get("预算数.因公出国（境）费").value()).isNull();
        assertThat(r.cells().get("预算数.公务用车购置及运行维护费.小计").value()).isEqualTo("38.62");
        assertThat(r.cells().get("预算数.公务用车购置费").value()).isEqualTo("24.95");
        assertThat(r.cells().get("预算数.公务用车运行维护费").value()).isEqualTo("13.67");
        assertThat(r.cells().get("决算数.公务用车运行维护费").value()).isEqualTo("10.05");
        assertThat(r.cells().get("决算数.公务接待费").value()).isNull();
        assertThat(t.flags()).extracting(Flag::code).containsExactly("COLUMNS_BY_SUMS");
        assertThat(r.cells().values()).allMatch(c -> c.flags().isEmpty());
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
    }

    /**
     * 2.86 under a 小计 of 2.86 is 购置费 or 运行维护费 by the sums: standing clearly in one column's place between the
     * figures around it (seeds 299792458 and 662607015), it is placed there, and the table's flag says so.
     */
    @Test
    void whereTheSumsHoldEitherWayAFigureClearlyInOneColumnsPlaceStandsThere() {
        ExtractedTable t = one("12.66|7.79|2.86||2.86|2.01|7.82|6.09|1.73||1.73|");
        TableRow r = t.rows().get(0);
        assertThat(r.cells().get("预算数.合计").value()).isEqualTo("12.66");
        assertThat(r.cells().get("预算数.因公出国（境）费").value()).isEqualTo("7.79");
        assertThat(r.cells().get("预算数.公务用车购置及运行维护费.小计").value()).isEqualTo("2.86");
        assertThat(r.cells().get("预算数.公务用车购置费").value()).isNull();
        assertThat(r.cells().get("预算数.公务用车运行维护费").value()).isEqualTo("2.86");
        assertThat(r.cells().get("预算数.公务接待费").value()).isEqualTo("2.01");
        assertThat(r.cells().get("决算数.合计").value()).isEqualTo("7.82");
        assertThat(r.cells().get("决算数.公务用车运行维护费").value()).isEqualTo("1.73");
        assertThat(r.cells().get("决算数.公务接待费").value()).isNull();
        assertThat(r.cells().values()).allMatch(c -> c.flags().isEmpty());
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(t.flags()).singleElement().satisfies(f -> assertThat(f.message()).contains("(12 of 12 columns certain, 4 of them"
                + " where the sums hold either way by the figures' clear positions between the columns around them: [预算数.公务用车购置费,"
                + " 预算数.公务用车运行维护费, 决算数.公务用车购置费, 决算数.公务用车运行维护费])"));
    }

    /** 0.78 under a 合计 of 0.78 is 因公出国（境）费 or 公务接待费 by the sums: far right, past the figures it follows, it is 接待费. */
    @Test
    void aFigureFarPastTheLastCertainOneIsPlacedByThePitchOfThoseBeforeIt() {
        ExtractedTable t = one("4.01||2.77||2.77|1.24|0.78|||||0.78");
        TableRow r = t.rows().get(0);
        assertThat(r.cells().get("决算数.合计").value()).isEqualTo("0.78");
        assertThat(r.cells().get("决算数.因公出国（境）费").value()).isNull();
        assertThat(r.cells().get("决算数.公务接待费").value()).isEqualTo("0.78");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
    }

    /** Midway between the two places the sums allow, a figure's position says nothing: placed, and flagged. */
    @Test
    void aFigureMidwayBetweenTheColumnsTheSumsAllowIsFlagged() {
        List<RawRow> rows = RawGrids.rows(PageOrigin.OCR, 90.0, java.util.Arrays.copyOf(NOISE, NOISE.length));
        RawRow values = RawGrids.rows(PageOrigin.OCR, 90.0, "12.66|7.79|2.86||2.86|2.01|7.82|6.09|1.73||1.73|").get(0);
        List<RawCell> cells = new java.util.ArrayList<>(values.cells());
        RawCell shifted = cells.get(4);
        cells.set(4, new RawCell(shifted.text(), shifted.page(), new BBox(35, shifted.bbox().y(), 10, 10), shifted.confidence(), shifted.origin()));
        rows = new java.util.ArrayList<>(rows);
        rows.add(new RawRow(cells));
        ExtractedTable t = new CatalogReconciler().reconcile(List.of(),
                List.of(new RawTable(TITLE, null, List.of(), rows, 1, 1, false))).tables().get(0);
        TableRow r = t.rows().get(0);
        assertThat(r.cells().entrySet()).filteredOn(e -> !e.getValue().flags().isEmpty()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("预算数.公务用车购置费", "预算数.公务用车运行维护费");
        assertThat(r.cells().get("决算数.公务用车运行维护费").value()).isEqualTo("1.73");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    /** Where the header names some columns (both 合计), their figures stay there and the sums place the rest. */
    @Test
    void theColumnsTheHeaderNamesKeepTheirFiguresAndTheSumsPlaceTheOthers() {
        String[] header = {"预算数||||||决算数|||||", "合计|ap 因 公 出 ( 境|es JIN 4 ai:||||合计|因 公 出|||neh|",
                "||DRS|es|Ot|||wit|.3 行 维||aries|"};
        ExtractedTable t = one(header, "12.66|7.79|2.86||2.86|2.01|7.82|6.09|1.73||1.73|");
        TableRow r = t.rows().get(0);
        assertThat(r.cells().get("预算数.合计").value()).isEqualTo("12.66");
        assertThat(r.cells().get("预算数.公务接待费").value()).isEqualTo("2.01");
        assertThat(r.cells().get("决算数.合计").value()).isEqualTo("7.82");
        assertThat(r.cells().get("决算数.因公出国（境）费").value()).isEqualTo("6.09");
        assertThat(r.cells().get("决算数.公务用车购置及运行维护费.小计").value()).isEqualTo("1.73");
        assertThat(r.cells().get("决算数.公务用车运行维护费").value()).isEqualTo("1.73");
        assertThat(t.flags()).extracting(Flag::code).containsExactly("COLUMNS_BY_SUMS");
    }

    @Test
    void figuresNoPlacementMakesAddUpAreLeftInCatalogOrderAndFlagged() {
        ExtractedTable t = one("40.00||38.62|24.95|13.67||33.52||33.52|23.47|10.05|");
        assertThat(t.flags()).extracting(Flag::code).contains("HEADER_UNMATCHED").doesNotContain("COLUMNS_BY_SUMS");
        assertThat(t.rows().get(0).status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }
}

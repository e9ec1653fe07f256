package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawGrids;
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

    /** 2.86 under a 小计 of 2.86 is 购置费 or 运行维护费 by the sums: the figures' places decide, and the cells say so. */
    @Test
    void whereTheSumsHoldEitherWayThePositionsPlaceTheFigureAndItIsFlagged() {
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
        assertThat(r.cells().entrySet()).filteredOn(e -> !e.getValue().flags().isEmpty()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("预算数.公务用车购置费", "预算数.公务用车运行维护费", "决算数.公务用车购置费", "决算数.公务用车运行维护费");
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

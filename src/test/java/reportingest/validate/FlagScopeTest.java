package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.catalog.Catalog;
import reportingest.tables.RawGrids;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cells a scan's validation sends to review: no wider than the evidence. */
class FlagScopeTest {
    private final Catalog catalog = Catalog.load();

    private ExtractedTable validated(String title, String... rows) {
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(List.of(), List.of(RawGrids.ocr(title, rows)));
        return new Validator(catalog).validate(doc, List.of()).document().tables().get(0);
    }

    private static TableRow row(ExtractedTable t, String name) {
        return t.rows().stream().filter(r -> name.equals(r.key().get("name"))).findFirst().orElseThrow();
    }

    @Test
    void aBrokenTotalFlagsTheRowsNoOtherSumConfirmsNotEveryRowItReads() {
        ExtractedTable t = validated("支出决算表",
                "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
                "科目编码|科目名称||||||",
                "合计||374.48|374.48|||||",
                "208|社会保障和就业支出|151.09|151.09||||",
                "20805|行政事业单位养老支出|151.09|151.09||||",
                "2080505|机关事业单位基本养老保险缴费支出|151.09|151.09||||",
                "221|住房保障支出|227339|223.39||||",
                "22102|住房改革支出|223.39|223.39||||",
                "2210201|住房公积金|223.39|223.39||||");
        assertThat(row(t, "住房保障支出").status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(row(t, "住房保障支出").cells().get("本年支出合计").flags()).extracting(f -> f.code())
                .contains("ROW_SUM_MISMATCH", "HIERARCHY_SUM_MISMATCH", "TOTAL_MISMATCH");
        // each confirmed by its own row sum and hierarchy, so not what broke 合计 = Σ类
        assertThat(row(t, "合计").status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row(t, "社会保障和就业支出").status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row(t, "住房改革支出").status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void whenEveryCellOfABrokenSumIsConfirmedElsewhereAllAreFlagged() {
        // 合计 基本支出 ≠ Σ类 although each row sum holds: nothing else explains it
        ExtractedTable t = validated("支出决算表",
                "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
                "科目编码|科目名称||||||",
                "合计||300.00|300.00|||||",
                "208|社会保障和就业支出|151.09|151.09||||",
                "221|住房保障支出|223.39|223.39||||");
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.NEEDS_REVIEW);
    }

    @Test
    void stampMarksWithoutADigitAreNoMoneyOnceTheRowSumHoldsWithThemBlank() {
        ExtractedTable t = validated("收入决算表",
                "项目||本年收入合计|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入",
                "科目编码|科目名称|||||||",
                "合计||72.13|72.13||||||",
                "210|卫生健康支出|72.13|72.13|ff|: \\||||",
                "2101101|行政单位医疗|72.13|72.13||NX||||");
        TableRow r = row(t, "卫生健康支出");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(r.cells().get("上级补助收入").value()).isNull();
        assertThat(r.cells().get("上级补助收入").raw()).isEqualTo("ff");
        assertThat(r.cells().get("上级补助收入").flags()).isEmpty();
        assertThat(row(t, "行政单位医疗").status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void marksBesideAnAmountStayFlaggedEvenWhenTheSumHolds() {
        ExtractedTable t = validated("收入决算表",
                "项目||本年收入合计|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入",
                "科目编码|科目名称|||||||",
                "210|卫生健康支出|72.13|72.13|l1||||");
        TableRow r = row(t, "卫生健康支出");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void aLabelReadThroughNoiseLeavesItsRowAcceptedAfterValidation() {
        ExtractedTable t = validated("支出决算表",
                "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
                "科目编码|科目名称||||||",
                "2101101|行政单位医疗vA|72.13|72.13||||");
        TableRow r = row(t, "行政单位医疗");
        assertThat(r.flags()).extracting(f -> f.code()).containsExactly("LABEL_RECONCILED");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
    }

    private ExtractedTable basicExpenditure(String unreadable) {
        return validated("一般公共预算财政拨款基本支出决算明细表",
                "人员经费|||公用经费|||||",
                "科目编码|科目名称|决算数|科目编码|科目名称|决算数|科目编码|科目名称|决算数",
                "301|工资福利支出|10.00|302|商品和服务支出|42.99|310|资本性支出|1.00",
                "30101|基本工资|10.00|30201|办公费|23.14|31002|办公设备购置|1.00",
                "|||30205|水费|15.38|||",
                "|||30213|维修（护）费|" + unreadable + "|||",
                "人员经费合计||10.00|公用经费合计|||||43.99");
    }

    private static TableRow coded(ExtractedTable t, String code) {
        return t.rows().stream().filter(r -> code.equals(r.key().get("code"))).findFirst().orElseThrow();
    }

    @Test
    void aSumBrokenOnlyByAnUnreadableCellIsThatCellsFailureAndItsAmountIsProposed() {
        ExtractedTable t = basicExpenditure("p47");
        TableRow stamped = coded(t, "30213");
        assertThat(stamped.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(stamped.cells().get("决算数").value()).isNull();
        assertThat(stamped.cells().get("决算数").raw()).isEqualTo("p47");
        assertThat(stamped.cells().get("决算数").proposal()).isEqualTo("4.47");
        assertThat(stamped.cells().get("决算数").flags()).extracting(f -> f.code())
                .contains("PARSE_AMBIGUOUS", "HIERARCHY_SUM_MISMATCH", "REPAIR_PROPOSED");
        // 302 = Σ holds once 4.47 is filled in: its other parts and its total are not what broke it
        for (String code : List.of("302", "30201", "30205", "301", "30101", "310", "31002")) {
            assertThat(coded(t, code).status()).as(code).isEqualTo(RowStatus.ACCEPTED);
        }
    }

    @Test
    void anUnreadableCellWhoseLegibleDigitsDoNotFitTheSumLeavesEveryPartOfTheSumInReview() {
        ExtractedTable t = basicExpenditure("p58");
        assertThat(coded(t, "30213").cells().get("决算数").proposal()).isNull();
        for (String code : List.of("30201", "30205", "30213")) { // 302 itself is confirmed by 公用经费合计
            assertThat(coded(t, code).status()).as(code).isEqualTo(RowStatus.NEEDS_REVIEW);
        }
    }

    /**
     * One amount of a fund column misread (200.08 for 200.00, seen as 191.14 for 191.11 on a 200-dpi colour scan): its
     * row sum and the column's total both fail through it alone and the repair makes both hold, so the lines the total
     * also reads, blank lines no other sum can confirm, are not sent to review with it.
     */
    @Test
    void aMisreadCellTwoFailedSumsPointAtIsTheirFailureAloneNotEveryLineOfTheTotal() {
        ExtractedTable t = fiscalSummary("三、国有资本经营预算财政拨款|3||三、国防支出|7||||", "|||十九、住房保障支出|8|200.00|200.08||");
        TableRow misread = item(t, "十九、住房保障支出");
        assertThat(misread.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(misread.cells().get("一般公共预算财政拨款").proposal()).isEqualTo("200.00");
        assertThat(misread.cells().get("一般公共预算财政拨款").flags()).extracting(f -> f.code())
                .containsExactly("ROW_SUM_MISMATCH", "TOTAL_MISMATCH", "REPAIR_PROPOSED");
        for (String line : List.of("二、外交支出", "三、国防支出", "一、一般公共服务支出", "本年支出合计")) {
            assertThat(item(t, line).status()).as(line).isEqualTo(RowStatus.ACCEPTED);
        }
    }

    @Test
    void aTotalThatFailsAloneStillFlagsEveryLineNoOtherSumConfirms() {
        // only the column total fails (住房保障支出 misread in both its cells): any line no row sum confirms may be the
        // misread one
        ExtractedTable t = fiscalSummary("|||十九、住房保障支出|8|200.08|200.08||");
        assertThat(item(t, "二、外交支出").status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(item(t, "二、外交支出").cells().get("一般公共预算财政拨款").flags()).extracting(f -> f.code())
                .containsExactly("TOTAL_MISMATCH");
    }

    /** A 财政拨款收入支出决算总表 of 300.00: 一般公共服务支出 100.00, 外交支出 blank, then the given lines and the totals. */
    private ExtractedTable fiscalSummary(String... lines) {
        List<String> rows = new java.util.ArrayList<>(List.of("收入|||支出|||||",
                "项目|行次|金额|项目|行次|合计|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款",
                "一、一般公共预算财政拨款|1|300.00|一、一般公共服务支出|5|100.00|100.00||",
                "二、政府性基金预算财政拨款|2||二、外交支出|6||||"));
        rows.addAll(List.of(lines));
        rows.add("本年收入合计|4|300.00|本年支出合计|9|300.00|300.00||");
        return validated("财政拨款收入支出决算总表", rows.toArray(String[]::new));
    }

    private static TableRow item(ExtractedTable t, String item) {
        return t.rows().stream().filter(r -> "支出".equals(r.key().get("side")) && item.equals(r.key().get("item"))).findFirst()
                .orElseThrow(() -> new AssertionError("no 支出 line " + item + " in " + t.rows().stream().map(TableRow::key).toList()));
    }
}

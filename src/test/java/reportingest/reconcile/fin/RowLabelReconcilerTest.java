package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row labels of standard forms read by OCR with slips, noise and unreadable cells, as the scan
 * pipeline hands them over (ruled grids of equal-width rows), reconciled to the catalog's labels.
 */
class RowLabelReconcilerTest {
    private final CatalogReconciler reconciler = new CatalogReconciler();

    private static RawTable grid(String title, PageOrigin origin, String... rows) {
        List<RawRow> out = new ArrayList<>();
        int y = 0;
        for (String r : rows) {
            List<RawCell> cells = new ArrayList<>();
            int x = 0;
            for (String c : r.split("\\|", -1)) cells.add(new RawCell(c.strip(), 1, new BBox(x++ * 10, y, 10, 10), 90.0, origin));
            out.add(new RawRow(cells));
            y += 10;
        }
        return new RawTable(title, null, List.of(), out, 1, 1, false);
    }

    private ExtractedTable one(RawTable t) {
        List<ExtractedTable> out = reconciler.reconcile(List.of(), List.of(t)).tables();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static TableRow line(ExtractedTable t, String side, int lineNo) {
        return t.rows().stream().filter(r -> side.equals(r.key().get("side")) && Integer.valueOf(lineNo).equals(r.key().get("line_no")))
                .findFirst().orElseThrow();
    }

    private static TableRow coded(ExtractedTable t, String code) {
        return t.rows().stream().filter(r -> code.equals(r.key().get("code"))).findFirst().orElseThrow();
    }

    private static List<String> codes(List<Flag> flags) {
        return flags.stream().map(Flag::code).toList();
    }

    /** A 财政拨款收入支出决算总表 with 行次, its 收入 side printing {@code income} on lines 1-9. */
    private RawTable fiscalSummary(PageOrigin origin, String... income) {
        List<String> rows = new ArrayList<>(List.of(
                "收入|||支出||||||",
                "项目|行次|金额|项目|行次|合计|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款|"));
        String[] amounts = {"100.00", "", "", "100.00", "", "", "", "", "100.00"};
        String[] spending = {"一、一般公共服务支出", "二、外交支出", "三、国防支出", "本年支出合计", "年末财政拨款结转和结余", "", "", "", "总计"};
        for (int i = 0; i < income.length; i++) {
            String a = amounts[i];
            rows.add(income[i] + "|" + (i + 1) + "|" + a + "|" + spending[i] + "|" + (i + 9) + "|" + a + "|" + a + "||");
        }
        return grid("财政拨款收入支出决算总表", origin, rows.toArray(String[]::new));
    }

    private static final String[] INCOME_LINES = {"一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款",
            "本年收入合计", "年初财政拨款结转和结余", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "总计"};

    @Test
    void slippedItemLabelIsReconciledToTheCatalogLineAndTheRowStaysAccepted() {
        String[] income = INCOME_LINES.clone();
        income[0] = "一、一般公共预算财政拔款";
        ExtractedTable t = one(fiscalSummary(PageOrigin.OCR, income));
        TableRow r = line(t, "收入", 1);
        assertThat(r.key().get("item")).isEqualTo("一、一般公共预算财政拨款");
        assertThat(r.cells().get("金额").value()).isEqualTo("100.00");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(r.flags().get(0).message()).contains("'一、一般公共预算财政拔款'");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void stampNoiseAroundAnItemLabelIsDroppedAndAnOrdinalLostByOcrComesBack() {
        String[] income = INCOME_LINES.clone();
        income[1] = "二、政府性基金预算财政拨款Vo";
        income[3] = "本年收入合计_";
        income[2] = "三国有资本经营预算财政拨款"; // 、 not read
        ExtractedTable t = one(fiscalSummary(PageOrigin.OCR, income));
        assertThat(line(t, "收入", 2).key().get("item")).isEqualTo("二、政府性基金预算财政拨款");
        assertThat(line(t, "收入", 4).key().get("item")).isEqualTo("本年收入合计");
        assertThat(line(t, "收入", 3).key().get("item")).isEqualTo("三、国有资本经营预算财政拨款");
    }

    @Test
    void theTwoPrintingsOfAFundLineKeepTheirOwnFormWithAndWithoutOrdinal() {
        String[] income = INCOME_LINES.clone();
        income[5] = "一般公共预算财政拔款";
        ExtractedTable t = one(fiscalSummary(PageOrigin.OCR, income));
        assertThat(line(t, "收入", 6).key().get("item")).isEqualTo("一般公共预算财政拨款");
        assertThat(line(t, "收入", 1).key().get("item")).isEqualTo("一、一般公共预算财政拨款");
        assertThat(line(t, "收入", 1).flags()).isEmpty();
    }

    @Test
    void unreadableItemBetweenKnownLinesIsTheLineTheFormPrintsThereAndNeedsReview() {
        String[] income = INCOME_LINES.clone();
        income[8] = "Bit";
        ExtractedTable t = one(fiscalSummary(PageOrigin.OCR, income));
        TableRow r = line(t, "收入", 9);
        assertThat(r.key().get("item")).isEqualTo("总计");
        assertThat(r.cells().get("金额").value()).isEqualTo("100.00");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_REPAIRED);
        assertThat(r.flags().get(0).message()).contains("'Bit'");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void anUnreadableItemWithAnUnreadableNeighbourIsLeftAsPrinted() {
        String[] income = INCOME_LINES.clone();
        income[7] = "xx";
        income[8] = "Bit";
        ExtractedTable t = one(fiscalSummary(PageOrigin.OCR, income));
        assertThat(line(t, "收入", 9).key().get("item")).isEqualTo("Bit");
        assertThat(line(t, "收入", 8).key().get("item")).isEqualTo("xx");
    }

    @Test
    void renumberedLinesOfAnAbridgedFormKeepTheirPrintedOrdinal() {
        assertThat(RowLabelReconciler.rebuild("七、社会保障和就业支山", "八、社会保障和就业支出")).isEqualTo("七、社会保障和就业支出");
        assertThat(RowLabelReconciler.nearestLine("七、社会保障和就业支山",
                List.of("七、文化旅游体育与传媒支出", "八、社会保障和就业支出"))).isEqualTo("八、社会保障和就业支出");
    }

    @Test
    void aLabelTwoKnownLinesAreEquallyNearIsNotGuessed() {
        assertThat(RowLabelReconciler.nearestLine("年结转和结余", List.of("年初结转和结余", "年末结转和结余"))).isNull();
    }

    @Test
    void labelsOfABornDigitalTextLayerAreLeftAsPrinted() {
        String[] income = INCOME_LINES.clone();
        income[0] = "一、一般公共预算财政拔款";
        income[8] = "Bit";
        ExtractedTable t = one(fiscalSummary(PageOrigin.TEXT_LAYER, income));
        assertThat(line(t, "收入", 1).key().get("item")).isEqualTo("一、一般公共预算财政拔款");
        assertThat(line(t, "收入", 9).key().get("item")).isEqualTo("Bit");
        assertThat(line(t, "收入", 1).flags()).isEmpty();
    }

    private RawTable expenditure(String... body) {
        List<String> rows = new ArrayList<>(List.of(
                "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
                "科目编码|科目名称||||||"));
        rows.addAll(List.of(body));
        return grid("支出决算表", PageOrigin.OCR, rows.toArray(String[]::new));
    }

    @Test
    void aKnownCodeWithStampMarksInItsNameTakesTheNameTheCodeIsKnownBy() {
        ExtractedTable t = one(expenditure(
                "合计||72.13|72.13||||",
                "210|卫生健康支出|72.13|72.13||||",
                "21011|行政事业单位医疗|72.13|72.13||||",
                "2101101|行政单位医疗vA|72.13|72.13||||"));
        TableRow r = coded(t, "2101101");
        assertThat(r.key().get("name")).isEqualTo("行政单位医疗");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(r.flags().get(0).message()).contains("'行政单位医疗vA'");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(r.cells().get("本年支出合计").value()).isEqualTo("72.13");
    }

    @Test
    void aKnownCodeWithOneSlippedCharacterInItsNameTakesItsName() {
        ExtractedTable t = one(expenditure("2210201|住房公积仓|96.08|96.08||||"));
        assertThat(coded(t, "2210201").key().get("name")).isEqualTo("住房公积金");
    }

    @Test
    void aNameFarFromEveryNameItsCodeIsKnownByIsLeftAsPrinted() {
        ExtractedTable t = one(expenditure("2101101|事业单位医疗|72.13|72.13||||"));
        assertThat(coded(t, "2101101").key().get("name")).isEqualTo("事业单位医疗");
        assertThat(coded(t, "2101101").flags()).isEmpty();
    }

    @Test
    void aSubjectTheCatalogDoesNotKnowIsLeftAsPrinted() {
        ExtractedTable t = one(expenditure("2299999|其他新设支出|5.00|5.00||||"));
        TableRow r = coded(t, "2299999");
        assertThat(r.key().get("name")).isEqualTo("其他新设支出");
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void aValidCodeUnderItsPrintedParentStandsThoughItsNameIsKnownUnderAnother款() {
        // 行政运行 is 2010101 and 一般行政管理事务 is 2010102, one digit away; 20801/21101 are not in the catalog
        ExtractedTable t = one(expenditure(
                "合计||30.00|30.00||||",
                "208|社会保障和就业支出|10.00|10.00||||",
                "20801|人力资源和社会保障管理事务|10.00|10.00||||",
                "2080101|行政运行|10.00|10.00||||",
                "211|节能环保支出|20.00|20.00||||",
                "21101|环境保护管理事务|20.00|20.00||||",
                "2110102|一般行政管理事务|20.00|20.00||||"));
        assertThat(t.rows()).extracting(r -> r.key().get("code")).containsExactly(
                null, "208", "20801", "2080101", "211", "21101", "2110102");
        for (String code : List.of("2080101", "2110102")) {
            TableRow r = coded(t, code);
            assertThat(r.flags()).isEmpty();
            assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        }
        assertThat(coded(t, "2080101").key().get("name")).isEqualTo("行政运行");
        assertThat(coded(t, "2110102").cells().get("本年支出合计").value()).isEqualTo("20.00");
    }

    @Test
    void aCodeNotUnderItsPrintedParentTakesTheOneCodeThereItsNameIsKnownBy() {
        // 2010101 read with its 款 digit slipped: 2080101 cannot sit under the printed 20101
        ExtractedTable t = one(expenditure(
                "201|一般公共服务支出|10.00|10.00||||",
                "20101|人大事务|10.00|10.00||||",
                "2080101|行政运行|10.00|10.00||||"));
        TableRow r = coded(t, "2010101");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_REPAIRED);
        assertThat(r.flags().get(0).message()).contains("2080101");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void aCodeWithNoParentPrintedStandsWhenItsClassIsKnown() {
        // tables that list only 项 rows: 208 is a known 类, so 2080101 is possible and no name moves it
        ExtractedTable t = one(expenditure("2080101|行政运行|10.00|10.00||||"));
        TableRow r = coded(t, "2080101");
        assertThat(r.flags()).isEmpty();
        assertThat(RowLabelReconciler.plausible("2980101", null, Map.of("201", List.of()), Set.of())).isFalse();
    }

    private RawTable basic(String... body) {
        List<String> rows = new ArrayList<>(List.of(
                "人员经费|||公用经费|||||",
                "科目编码|科目名称|决算数|科目编码|科目名称|决算数|科目编码|科目名称|决算数"));
        rows.addAll(List.of(body));
        return grid("一般公共预算财政拨款基本支出决算明细表", PageOrigin.OCR, rows.toArray(String[]::new));
    }

    @Test
    void aSlippedEconomicCodeDigitIsRepairedFromItsNameAndNeedsReview() {
        ExtractedTable t = one(basic(
                "301|工资福利支出|20.84|302|商品和服务支出|0.05|340|资本性支出|19.32",
                "30101|基本工资|20.84|30201|办公费|0.05|31002|办公设备购置|19.32"));
        TableRow r = coded(t, "310");
        assertThat(r.key().get("name")).isEqualTo("资本性支出");
        assertThat(r.key().get("group")).isEqualTo("公用经费");
        assertThat(r.cells().get("决算数").value()).isEqualTo("19.32");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_REPAIRED);
        assertThat(r.flags().get(0).message()).contains("340");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void aCodeOneDigitFromTwoCodesOfItsNameIsNotRepaired() {
        // 住房公积金 is 30113 (now) and 30311 (2017 classification); 30313 is one digit from both
        ExtractedTable t = one(basic("30313|住房公积金|24.99||||||"));
        assertThat(coded(t, "30313").flags()).extracting(Flag::code).doesNotContain(Cells.LABEL_REPAIRED);
    }

    @Test
    void aCodeIsNotRepairedToOneTheTablePrintsElsewhere() {
        ExtractedTable t = one(basic(
                "310|资本性支出|19.32||||||",
                "340|资本性支出|19.32||||||"));
        assertThat(t.rows()).extracting(r -> r.key().get("code")).contains("310", "340");
    }

    @Test
    void ocrParenthesesOfAKnownNameTakeTheWidthTheNameIsUsuallyPrintedWith() {
        ExtractedTable t = one(basic("||||||30213|维修(护)费|4.47"));
        TableRow r = coded(t, "30213");
        assertThat(r.key().get("name")).isEqualTo("维修（护）费");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_RECONCILED);
    }

    @Test
    void stampDebrisWithNoCodeNoChineseAndNoDigitIsNotARow() {
        ExtractedTable t = one(basic(
                "30199|其他工资福利支出|42.02|30213|维修（护）费|4.47|||",
                "||||1|页|J||"));
        assertThat(t.rows()).extracting(r -> r.key().get("code")).containsExactly("30199", "30213");
    }

    @Test
    void aGarbledFooterTotalBesideTheOtherTotalIsThatGroupsTotalAndNeedsReview() {
        ExtractedTable t = one(basic(
                "301|工资福利支出|307.74|302|商品和服务支出|138.87|||",
                "人员经费合计||307.74|\\ sees J|||||138.87"));
        TableRow r = t.rows().stream().filter(x -> "公用经费合计".equals(x.key().get("name"))).findFirst().orElseThrow();
        assertThat(r.key().get("group")).isEqualTo("公用经费");
        assertThat(r.cells().get("决算数").value()).isEqualTo("138.87");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_REPAIRED);
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void bothFooterTotalsReadWithASlipAreTheFormsTotalLinesWithProvenance() {
        // the stamped fixture scan turned 0.02° otherwise: 人员经经费合计 and 公用经费合证- on the totals line
        ExtractedTable t = one(basic(
                "301|工资福利支出|307.74|302|商品和服务支出|138.87|||",
                "人员经经费合计||307.74|公用经费合证-|||||138.87"));
        TableRow people = t.rows().stream().filter(x -> "人员经费合计".equals(x.key().get("name"))).findFirst().orElseThrow();
        TableRow office = t.rows().stream().filter(x -> "公用经费合计".equals(x.key().get("name"))).findFirst().orElseThrow();
        assertThat(people.cells().get("决算数").value()).isEqualTo("307.74");
        assertThat(office.cells().get("决算数").value()).isEqualTo("138.87");
        assertThat(office.key().get("group")).isEqualTo("公用经费");
        assertThat(codes(people.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(people.flags().get(0).message()).isEqualTo("printed '人员经经费合计' read as the form's total line '人员经费合计'");
        assertThat(codes(office.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(t.rows()).noneMatch(r -> r.key().get("name") == null);
    }

    @Test
    void aLineWhoseOrdinalAndOneCharacterOcrMangledIsReadAtItsPlaceWithoutReview() {
        RawTable raw = fiscalSummary(PageOrigin.OCR, INCOME_LINES);
        RawRow second = raw.rows().get(3);
        List<RawCell> cells = new ArrayList<>(second.cells());
        RawCell c = cells.get(3);
        cells.set(3, new RawCell("二、外交支山", c.page(), c.bbox(), c.confidence(), c.origin()));
        List<RawRow> rows = new ArrayList<>(raw.rows());
        rows.set(3, new RawRow(cells));
        ExtractedTable t = one(new RawTable(raw.title(), null, List.of(), rows, 1, 1, false));
        TableRow r = line(t, "支出", 10);
        assertThat(r.key().get("item")).isEqualTo("二、外交支出");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(RowLabelReconciler.nearlyReads("三十三<其化支出", "二十三、其他支出")).isTrue();
        assertThat(RowLabelReconciler.nearlyReads("Bit", "总计")).isFalse();
    }

    @Test
    void anOrdinalMisreadBetweenItsNeighboursIsRenumberedAndAMalformedOneNothingDecidesNeedsReview() {
        String[] income = INCOME_LINES.clone();
        income[1] = "七、政府性基金预算财政拨款"; // 二 misread: 一、 before and 三、 after number it
        ExtractedTable t = one(fiscalSummary(PageOrigin.OCR, income));
        TableRow r = line(t, "收入", 2);
        assertThat(r.key().get("item")).isEqualTo("二、政府性基金预算财政拨款");
        assertThat(codes(r.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(r.flags().get(0).message()).contains("'七、'", "'二、'");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);

        income = INCOME_LINES.clone();
        income[2] = "二一、国有资本经营预算财政拨款"; // the last numbered line: only the line before suggests 三
        TableRow last = line(one(fiscalSummary(PageOrigin.OCR, income)), "收入", 3);
        assertThat(last.key().get("item")).isEqualTo("三、国有资本经营预算财政拨款");
        assertThat(codes(last.flags())).contains(Cells.LABEL_REPAIRED);
        assertThat(last.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void a行次MisreadBetweenItsNeighboursIsTheNumberBetweenThemAndTheLastOneNeedsReview() {
        RawTable t = fiscalSummary(PageOrigin.OCR, INCOME_LINES);
        List<RawRow> rows = new ArrayList<>(t.rows());
        rows.set(4, withCell(rows.get(4), 4, "16")); // 支出 line 11 (三、国防支出) read as 16
        rows.set(10, withCell(rows.get(10), 1, "4")); // 收入 line 9 (总计), the side's last, read as 4
        ExtractedTable out = one(new RawTable(t.title(), t.formNo(), t.context(), rows, t.pageFrom(), t.pageTo(), t.continued()));
        TableRow fixed = line(out, "支出", 11);
        assertThat(fixed.key().get("item")).isEqualTo("三、国防支出");
        assertThat(codes(fixed.flags())).containsExactly(Cells.LABEL_RECONCILED);
        assertThat(fixed.flags().get(0).message()).isEqualTo("printed 行次 16 read as 11: the lines around it are numbered one below and one above");
        TableRow last = line(out, "收入", 9);
        assertThat(last.key().get("item")).isEqualTo("总计");
        assertThat(codes(last.flags())).containsExactly(Cells.LABEL_REPAIRED);
        assertThat(last.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(line(out, "收入", 8).flags()).isEmpty();
    }

    private static RawRow withCell(RawRow r, int at, String text) {
        List<RawCell> cells = new ArrayList<>(r.cells());
        RawCell c = cells.get(at);
        cells.set(at, new RawCell(text, c.page(), c.bbox(), c.confidence(), c.origin()));
        return new RawRow(cells);
    }
}

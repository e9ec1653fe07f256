package reportingest.reconcile.grid;

import org.junit.jupiter.api.Test;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.fin.Cells;
import reportingest.tables.RawGrids;
import reportingest.tables.RawTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grid layouts the three real reports do not print, as the Tabula recognizer (or an OCR'd scan
 * with rulings) hands them over: rows of equal width, a spanning cell's text at its top-left.
 */
class GridReconcileTest {
    private final CatalogReconciler reconciler = new CatalogReconciler();

    private static RawTable grid(String title, List<String> context, String... rows) {
        return RawGrids.textLayer(title, context, rows);
    }

    private ExtractedTable one(RawTable t) {
        List<ExtractedTable> out = reconciler.reconcile(List.of(), List.of(t)).tables();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static TableRow row(ExtractedTable t, String code) {
        return t.rows().stream().filter(r -> code.equals(r.key().get("code"))).findFirst().orElseThrow();
    }

    private static String v(TableRow r, String col) { return r.cells().get(col).value(); }

    private static boolean flagged(TableRow r, String code) {
        return r.flags().stream().anyMatch(f -> f.code().equals(code))
                || r.cells().values().stream().anyMatch(c -> c.flags().stream().anyMatch(f -> f.code().equals(code)));
    }

    @Test
    void splitCodePartsLeftBlankAreTakenFromTheRowAbove() {
        ExtractedTable t = one(grid("一般公共预算财政拨款支出决算表", List.of(),
                "项目|||| 本年支出||",
                "功能分类科目编码|||科目名称|小计|基本支出|项目支出",
                "类|款|项||||",
                "208|||社会保障和就业支出|10.00|10.00|",
                "|05||行政事业单位养老支出|10.00|10.00|",
                "||05|机关事业单位基本养老保险缴费支出|6.00|6.00|",
                "||06|机关事业单位职业年金缴费支出|4.00|4.00|",
                "合计||||10.00|10.00|"));
        assertThat(t.rows()).extracting(r -> r.key().get("code"))
                .containsExactly("208", "20805", "2080505", "2080506", null);
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
        assertThat(v(row(t, "2080506"), "小计")).isEqualTo("4.00");
        assertThat(v(row(t, "2080506"), "项目支出")).isNull();
    }

    @Test
    void aBareKuanOrXiangPartInAJoinedCodeColumnIsReadUnderItsParentAndFlaggedWhenAmbiguous() {
        ExtractedTable t = one(grid("支出决算表", List.of(),
                "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
                "功能分类科目编码|科目名称||||||",
                "208|社会保障和就业支出|10.00|10.00||||",
                "05|行政事业单位养老支出|10.00|10.00||||",
                "05|机关事业单位基本养老保险缴费支出|6.00|6.00||||",
                "06|机关事业单位职业年金缴费支出|4.00|4.00||||"));
        assertThat(t.rows()).extracting(r -> r.key().get("code")).containsExactly("208", "20805", "2080505", "2080506");
        assertThat(row(t, "20805").status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row(t, "2080505").status()).isEqualTo(RowStatus.ACCEPTED);
        // under a 项, '06' may be a sibling 项 or a new 款 of 208
        assertThat(flagged(row(t, "2080506"), Cells.PARSE_AMBIGUOUS)).isTrue();
    }

    @Test
    void amountsUnderAColumnTheSchemaCannotPlaceAndColumnsTheHeaderLacksAreFlagged() {
        ExtractedTable t = one(grid("一般公共预算财政拨款支出决算表", List.of(),
                "功能分类科目编码|科目名称|合计|基本支出|备注",
                "2010601|行政运行|5.00|5.00|3.00",
                "2010602|一般行政管理事务|2.00|2.00|"));
        TableRow a = row(t, "2010601");
        assertThat(a.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(flagged(a, Cells.HEADER_UNMATCHED)).isTrue();
        assertThat(flagged(a, Cells.COLUMN_MISSING)).isTrue(); // 项目支出 is not printed
        assertThat(v(a, "小计")).isEqualTo("5.00");
        assertThat(flagged(row(t, "2010602"), Cells.COLUMN_MISSING)).isTrue();
        assertThat(t.flags()).extracting(f -> f.code()).contains(Cells.HEADER_UNMATCHED, Cells.COLUMN_MISSING);
    }

    @Test
    void aNameWrappedOntoAGridRowOfItsOwnJoinsTheRowAbove() {
        ExtractedTable t = one(grid("收入决算表", List.of(),
                "功能分类科目编码|科目名称|本年收入合计|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入",
                "2080505|机关事业单位基本养老保险缴费|6.18|6.18|||||",
                "|支出|||||||"));
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).key().get("name")).isEqualTo("机关事业单位基本养老保险缴费支出");
    }

    @Test
    void threePublicExpensesWithBudgetAndFinalAccountsOutermost() {
        ExtractedTable t = one(grid("财政拨款“三公”经费支出决算表", List.of(),
                "预算数||||||决算数|||||",
                "合计|因公出国（境）费|公务用车购置及运行维护费|||公务接待费|合计|因公出国（境）费|公务用车购置及运行维护费|||公务接待费",
                "||小计|公务用车购置费|公务用车运行维护费|||||小计|公务用车购置费|公务用车运行维护费|",
                "栏次|2|3|4|5|6|7|8|9|10|11|12",
                "11.30|0.00|6.30|0.00|6.30|5.00|3.57|0.00|3.30|0.00|3.30|0.27"));
        TableRow r = t.rows().get(0);
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(v(r, "预算数.合计")).isEqualTo("11.30");
        assertThat(v(r, "预算数.公务用车购置及运行维护费.小计")).isEqualTo("6.30");
        assertThat(v(r, "预算数.公务接待费")).isEqualTo("5.00");
        assertThat(v(r, "决算数.合计")).isEqualTo("3.57");
        assertThat(v(r, "决算数.公务用车运行维护费")).isEqualTo("3.30");
        assertThat(v(r, "决算数.公务接待费")).isEqualTo("0.27");
    }

    @Test
    void anEmptyThreePublicTableIsBlankWhenItsNoteSaysSoAndFlaggedOtherwise() {
        String[] rows = {
                "合计||因公出国（境）费||公务用车购置及运行维护费||||||公务接待费|",
                "||||小计||公务用车购置费||公务用车运行维护费|||",
                "预算数|决算数|预算数|决算数|预算数|决算数|预算数|决算数|预算数|决算数|预算数|决算数"};
        TableRow noted = one(grid("财政拨款“三公”经费支出决算表",
                List.of("说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。"), rows)).rows().get(0);
        assertThat(noted.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(noted.cells().values()).allMatch(c -> c.value() == null);
        TableRow silent = one(grid("财政拨款“三公”经费支出决算表", List.of(), rows)).rows().get(0);
        assertThat(silent.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(flagged(silent, Cells.COLUMN_MISSING)).isTrue();
    }

    @Test
    void twoSidedSummaryWithLineNumbersIsReadBySide() {
        ExtractedTable t = one(grid("收入支出决算总表", List.of(),
                "收入|||支出||",
                "项目|行次|决算数|项目|行次|决算数",
                "栏次||1|栏次||2",
                "一、一般公共预算财政拨款收入|1|100.00|一、一般公共服务支出|4|60.00",
                "本年收入合计|2|100.00|二、教育支出|5|40.00",
                "总计|3|100.00|总计|6|100.00"));
        assertThat(t.rows()).extracting(r -> r.key().get("side") + ":" + r.key().get("item") + ":" + r.key().get("line_no"))
                .containsExactly("收入:一、一般公共预算财政拨款收入:1", "收入:本年收入合计:2", "收入:总计:3",
                        "支出:一、一般公共服务支出:4", "支出:二、教育支出:5", "支出:总计:6");
        assertThat(t.rows().get(4).cells().get("决算数").value()).isEqualTo("40.00");
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
    }

    @Test
    void basicExpenditureInThreeColumnGroupsWithAMergedFooter() {
        ExtractedTable t = one(grid("一般公共预算财政拨款基本支出决算明细表", List.of(),
                "人员经费|||公用经费|||||",
                "科目编码|科目名称|决算数|科目编码|科目名称|决算数|科目编码|科目名称|决算数",
                "301|工资福利支出|10.00|302|商品和服务支出|3.00|310|资本性支出|1.00",
                "30101|基本工资|10.00|30201|办公费|3.00|31002|办公设备购置|1.00",
                "人员经费合计||10.00|公用经费合计|||||4.00"));
        assertThat(t.rows()).extracting(r -> r.key().get("code") + "/" + r.key().get("group") + "=" + r.cells().get("决算数").value())
                .containsExactly("301/人员经费=10.00", "30101/人员经费=10.00", "302/公用经费=3.00", "30201/公用经费=3.00",
                        "310/公用经费=1.00", "31002/公用经费=1.00", "null/人员经费=10.00", "null/公用经费=4.00");
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
    }

    /**
     * A department that spent on few lines (a Calc report, seed 137035999): most lines print their codes side by side and
     * no money. Codes before their names are not amounts, so the form is not taken for a grid that lost its figures.
     */
    @Test
    void aBasicExpenditureTableWhoseLinesMostlyPrintNoMoneyIsStillItsForm() {
        List<String> rows = new java.util.ArrayList<>(List.of("人员经费|||公用经费||",
                "科目编码|科目名称|决算数|科目编码|科目名称|决算数",
                "301|工资福利支出|53.74|302|商品和服务支出|30.11",
                "30101|基本工资|43.23|30201|办公费|30.11",
                "30102|津贴补贴|10.51|30202|印刷费|"));
        String[][] idle = {{"30103", "奖金", "30203", "咨询费"}, {"30106", "伙食补助费", "30204", "手续费"},
                {"30107", "绩效工资", "30205", "水费"}, {"30108", "机关事业单位基本养老保险缴费", "30206", "电费"},
                {"30109", "职业年金缴费", "30207", "邮电费"}, {"30110", "职工基本医疗保险缴费", "30208", "取暖费"},
                {"30111", "公务员医疗补助缴费", "30209", "物业管理费"}, {"30112", "其他社会保障缴费", "30211", "差旅费"},
                {"30113", "住房公积金", "30212", "因公出国（境）费用"}, {"30114", "医疗费", "30213", "维修（护）费"},
                {"30199", "其他工资福利支出", "30214", "租赁费"}, {"303", "对个人和家庭的补助", "30215", "会议费"},
                {"30301", "离休费", "30216", "培训费"}, {"30302", "退休费", "30217", "公务接待费"}};
        for (String[] l : idle) rows.add(l[0] + "|" + l[1] + "||" + l[2] + "|" + l[3] + "|");
        rows.add("人员经费合计||53.74|公用经费合计||30.11");
        ExtractedTable t = one(grid("一般公共预算财政拨款基本支出决算表", List.of(), rows.toArray(String[]::new)));
        assertThat(t.schema()).isEqualTo("general_budget_basic_expenditure");
        assertThat(row(t, "30102").cells().get("决算数").value()).isEqualTo("10.51");
        assertThat(row(t, "30211").cells().get("决算数").value()).isNull();
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
    }

    @Test
    void anEmptyFundTableWhoseTotalRowSharesAGridRowWithTheSubHeader() {
        ExtractedTable t = one(grid("政府性基金预算财政拨款收入支出决算表", List.of("说明：本单位无政府性基金，故本表无数据。"),
                "项目||年初结转和结余|本年收入|本年支出|||年末结转和结余",
                "功能分类科目编码|科目名称|||||| ",
                "合计||||合计|基本支出|项目支出|"));
        assertThat(t.rows()).hasSize(1);
        TableRow r = t.rows().get(0);
        assertThat(r.key().get("name")).isEqualTo("合计");
        assertThat(r.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(r.cells().values()).allMatch(c -> c.value() == null);
        assertThat(t.flags()).isEmpty();
    }

    @Test
    void aListOfUnitsWithoutAmountsIsNeitherStoredNorFlaggedAsAnUnknownSchema() {
        RawTable units = grid("纳入本部门2024年度部门决算编制范围的单位包括：", List.of(),
                "序号|单位名称|备注", "1|某某局（本级）|", "2|某某事务中心|预算不单列，并入本级", "12|某某所|");
        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(units));
        assertThat(doc.tables()).isEmpty();
        assertThat(doc.flags()).isEmpty();
    }

    @Test
    void anUnknownTableWithAmountsIsKeptAsPrintedAndFlaggedSchemaUnknown() {
        RawTable other = grid("项目支出绩效目标表", List.of("单位：千元"), "项目名称|金额", "道路维修|1,200.50", "绿化养护|35.00");
        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(other));
        assertThat(doc.tables()).hasSize(1);
        ExtractedTable t = doc.tables().get(0);
        assertThat(t.schema()).isEqualTo("unknown");
        assertThat(t.flags()).extracting(f -> f.code()).containsExactly(Cells.SCHEMA_UNKNOWN);
        assertThat(t.columns()).containsExactly("金额");
        assertThat(t.unit()).isEqualTo("千元");
        assertThat(t.rows()).extracting(r -> r.key().get("label")).containsExactly("道路维修", "绿化养护");
        // stored as printed in the table's own unit, never rescaled
        assertThat(t.rows()).extracting(r -> r.cells().get("金额").value()).containsExactly("1200.50", "35.00");
        assertThat(doc.flags()).extracting(f -> f.code()).containsExactly(Cells.SCHEMA_UNKNOWN);
    }
}

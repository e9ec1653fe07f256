package reportingest.reconcile.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.reconcile.budget.RealBudgets.*;

/**
 * The real Shanghai and Jiangsu 部门/单位预算 PDFs: every form they print is read as its budget_*
 * schema, its identities hold on at least 95% of the rows, and the rows that do not hold are the
 * source's own inconsistencies. Expected cells are read off {@code pdftotext -layout}.
 */
class RealBudgetsTest {
    private static final List<String> SHANGHAI_FORMS = List.of("budget_income_expenditure_summary", "budget_income",
            "budget_expenditure", "budget_fiscal_appropriation_summary", "budget_general_expenditure", "budget_government_fund",
            "budget_state_capital", "budget_general_basic_expenditure", "budget_three_public");
    private static final List<String> JIANGSU_FORMS = List.of("budget_income_expenditure_summary",
            "budget_fiscal_appropriation_summary", "budget_fiscal_appropriation_expenditure", "budget_general_expenditure",
            "budget_general_basic_expenditure", "budget_government_fund", "budget_three_public",
            "budget_fiscal_appropriation_basic_expenditure", "budget_office_operation", "budget_expenditure_by_use",
            "budget_income_by_source", "budget_government_procurement");
    /**
     * Rows whose printed figures disagree in the source itself: the 2026 单位预算 of 司法局 prints
     * 2040601 行政运行 as 合计 14,348,853.34 = 基本支出 14,348,853.34 + 项目支出 64,840,547.00 (its 部门
     * twin prints 0.00 there), in both code tables.
     */
    private static final Map<String, List<String>> SOURCE_INCONSISTENCIES = Map.of(
            JUSTICE_UNIT_26, List.of("budget_expenditure 2040601", "budget_general_expenditure 2040601"));
    @ParameterizedTest
    @ValueSource(strings = {WANLI_23, WANLI_24, WANLI_25, OFFICE_25, OFFICE_UNIT_25, COMMERCE_25, COMMERCE_UNIT_25,
            JUSTICE_26, JUSTICE_UNIT_26, FINANCE_25, CITY_FINANCE_25})
    void shanghaiBudgetsYieldTheirNineFormsAndOnlyTheSourcesOwnInconsistenciesAreNotAccepted(String file) {
        ExtractedDocument doc = read(file);
        List<ExtractedTable> budget = doc.tables().stream().filter(RealBudgets::budget).toList();
        assertThat(budget).extracting(ExtractedTable::schema).containsExactlyElementsOf(SHANGHAI_FORMS);
        assertThat(notAccepted(doc)).containsExactlyElementsOf(SOURCE_INCONSISTENCIES.getOrDefault(file, List.of()));
        assertThat(accepted(budget) * 100).isGreaterThanOrEqualTo(rows(budget) * 95);
    }

    /**
     * The welfare home rules a frame round the title of its 财政拨款收支预算总表 (p10): the grid's top ruling runs
     * above the title, whose band holds no row; the title is read there and the form is its schema. Its summary
     * names 类 210 by its former name 医疗卫生与计划生育支出 (503,724) where its 支出预算总表 prints 210 卫生健康支出
     * (503,724): one 类 under two of its names, the same figure, so both rows hold.
     */
    @Test
    void aTitleInsideTheGridsFrameAndAClassUnderItsFormerNameAreRead() {
        ExtractedDocument doc = read(WELFARE_24);
        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactlyElementsOf(SHANGHAI_FORMS);
        ExtractedTable fiscal = table(doc, "budget_fiscal_appropriation_summary");
        assertThat(fiscal.title()).isEqualTo("2024年预算单位财政拨款收支预算总表");
        assertThat(fiscal.pageFrom()).isEqualTo(10);
        assertThat(value(fiscal, "收入:一、一般公共预算资金", "预算数")).isEqualTo("9501164");
        assertThat(value(fiscal, "支出:三、医疗卫生与计划生育支出", "合计")).isEqualTo("503724");
        assertThat(value(table(doc, "budget_income_expenditure_summary"), "支出:三、医疗卫生与计划生育支出", "预算数")).isEqualTo("503724");
        assertThat(value(table(doc, "budget_expenditure"), "210", "合计")).isEqualTo("503724");
        assertThat(notAccepted(doc)).isEmpty();
        assertThat(doc.flags()).extracting(Flag::code).doesNotContain("TABLE_MISSING", "SCHEMA_UNKNOWN", "CROSS_TABLE_MISMATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf", "江苏省人大办公厅/省人大办公厅2018预算公开.pdf",
            "江苏省人大办公厅/江苏省人大常委会办公厅2019年部门预算公开表.pdf", "江苏省人民检察院/2017年省检察院部门预算.pdf",
            "江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf", "江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf",
            "江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf", "江苏省政协办公厅/江苏省政协办公厅2019年预算公开表.pdf"})
    void jiangsuBudgetsYieldTheirFormsAndEveryRowHolds(String file) {
        ExtractedDocument doc = read(JIANGSU + file);
        List<ExtractedTable> budget = doc.tables().stream().filter(RealBudgets::budget).toList();
        assertThat(budget).extracting(ExtractedTable::schema).containsAll(JIANGSU_FORMS).doesNotHaveDuplicates();
        assertThat(notAccepted(doc)).isEmpty();
        assertThat(budget).allMatch(t -> "万元".equals(t.unit()), "every form states 单位：万元");
        // 支出预算总表 is one row by kind of spending (budget_expenditure_by_use), 收入预算总表 a list by source
        // (budget_income_by_source), 政府采购预算表 an outline (budget_government_procurement): no table is unknown
        assertThat(doc.tables()).extracting(ExtractedTable::schema).doesNotContain("unknown");
        assertThat(doc.flags()).extracting(Flag::code).doesNotContain("TABLE_MISSING");
    }

    /**
     * Word 2007 exports (检察院 2018/2019, 高院 2019): every cell is filled white inset from its borders, whose
     * edges Tabula took for a second grid a few points inside the visible one, and header rows are ruled off
     * their bodies. Read as the visible grid, every form is its schema and every row holds, the 政府采购 lines either
     * side of a page break too ({@link #linesOnEitherSideOfAPageBreakStayApartInOrder}). Their 三公 tables
     * set each header in the middle of a tall cell that the fills split into grid rows of their own: a parent
     * (“三公”经费, 公务用车购置及运行维护费) lies across its children, who stay apart (小计 | 购置费); a 合计
     * set low in its cell spans no column a header above it starts; a header wrapped over those rows
     * (因公出国 | （境）费) is read joined. 高院 wraps its unit line as 单位：万 | 元, read as 万元.
     */
    @ParameterizedTest
    @ValueSource(strings = {"江苏省人民检察院/2018年省检察院部门预算公开.pdf", "江苏省人民检察院/2019年度部门预算公开.pdf",
            "江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf"})
    void wordExportsWhoseCellsDriftOffTheirRulesYieldTheirFormsAndEveryRowHolds(String file) {
        ExtractedDocument doc = read(JIANGSU + file);
        List<ExtractedTable> budget = doc.tables().stream().filter(RealBudgets::budget).toList();
        assertThat(budget).extracting(ExtractedTable::schema).containsAll(JIANGSU_FORMS).doesNotHaveDuplicates();
        assertThat(notAccepted(doc)).isEmpty();
        assertThat(budget).allMatch(t -> "万元".equals(t.unit()), "every form states 单位：万元");
        assertThat(table(doc, "budget_three_public").flags()).isEmpty();
    }

    /**
     * The 政府采购支出预算表 of the Word exports runs over pages; the lines either side of each break, as
     * {@code pdftotext -layout -f P -l P} prints them, are read in order, each with its own figure. 检察院 2019's
     * table has a sliver column on p22 that p23 and p24 lack (the p24 lines must take the columns p23's took, not
     * p23's positions); 检察院 2018's likewise (p20 | p21, p22); 高院 2019 p17 draws its verticals from the top of
     * its first line (会议费 110.05) but no rule across them.
     */
    @ParameterizedTest(name = "{0} p{1}")
    @CsvSource(delimiter = '|', textBlock = """
            江苏省人民检察院/2019年度部门预算公开.pdf | 24 | 物业管理费 物业管理费=356.00;物业管理服务 分散自行组织=36.00;物业管理服务 部门集中采购=320.00
            江苏省人民检察院/2018年省检察院部门预算公开.pdf | 22 | 信息系统集成实施服务 分散自行组织=20.00;维修（护）费=580.00;数据处理服务 分散自行组织=100.00
            江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf | 17 | 互联网信息服务 分散自行组织=17.00;会议费=110.05;会议服务 分散自行组织=110.05
            """)
    void linesOnEitherSideOfAPageBreakStayApartInOrder(String file, int page, String lines) {
        ExtractedTable t = table(read(JIANGSU + file), "budget_government_procurement");
        assertThat(t.pageTo()).isGreaterThanOrEqualTo(page);
        List<String> read = t.rows().stream().map(r -> r.key().get("label") + "=" + r.cells().get("总计").value()).toList();
        assertThat(String.join("\n", read)).contains(String.join("\n", lines.split(";")));
    }

    /**
     * 人大 2017 prints the titles of its 财政拨款基本支出预算表 (p12) and 机关运行经费支出预算表 (p18), with their
     * 部门 and 单位 lines, at the foot of the page before the table: each names the table the next page opens with
     * (whose own only line above it is the 部门 line), and the unit line comes with it.
     */
    @Test
    void aTitleThePageBreakPartedFromItsTableStillNamesIt() {
        ExtractedDocument doc = read(JIANGSU + "江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf");
        ExtractedTable basic = table(doc, "budget_fiscal_appropriation_basic_expenditure");
        assertThat(basic.title()).isEqualTo("财政拨款基本支出预算表");
        assertThat(basic.pageFrom()).isEqualTo(13);
        assertThat(basic.unit()).isEqualTo("万元");
        assertThat(value(basic, "合计", "合计")).isEqualTo("7666.68");
        assertThat(value(basic, "30101", "合计")).isEqualTo("1015.15");
        ExtractedTable office = table(doc, "budget_office_operation");
        assertThat(office.title()).isEqualTo("一般公共预算机关运行经费支出预算表");
        assertThat(List.of(office.pageFrom(), office.pageTo())).containsExactly(19, 19);
        assertThat(value(office, "合计", "机关运行经费支出")).isEqualTo("5619.31");
        assertThat(value(office, "30201", "机关运行经费支出")).isEqualTo("770.50");
        assertThat(notAccepted(doc)).isEmpty();
    }

    /** Cells of the Word exports as printed: src/test/resources/budgets/jiangsu-word-exports.tsv (file, page, pdftotext). */
    @Test
    void wordExportCellsAreReadAsPrinted() throws java.io.IOException {
        java.nio.file.Path truth = java.nio.file.Path.of("src/test/resources/budgets/jiangsu-word-exports.tsv");
        int checked = 0;
        for (String line : java.nio.file.Files.readAllLines(truth)) {
            if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            ExtractedTable t = table(read(JIANGSU + f[0]), f[2]);
            assertThat(List.of(t.pageFrom(), t.pageTo())).as("%s %s", f[0], f[2]).contains(Integer.parseInt(f[1]));
            assertThat(value(t, f[3], f[4])).as("%s p%s %s %s %s", f[0], f[1], f[2], f[3], f[4]).isEqualTo(f[5].isEmpty() ? null : f[5]);
            checked++;
        }
        assertThat(checked).isEqualTo(33);
    }

    /** {@code key}: code, name of a code-less total, side:item, or - for a one-row table; blank expected = no value. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OFFICE_25      | budget_income_expenditure_summary   | 收入:收入总计          | 预算数=91016775.35
            OFFICE_25      | budget_income_expenditure_summary   | 支出:一、一般公共服务支出 | 预算数=82096797.42
            OFFICE_25      | budget_income                       | 201                   | 合计=82096797.42;财政拨款收入=82096797.42;事业收入=
            OFFICE_25      | budget_income                       | 合计                   | 合计=91016775.35;财政拨款收入=91016775.35
            OFFICE_25      | budget_expenditure                  | 合计                   | 合计=91016775.35;基本支出=24606775.35;项目支出=66410000.00
            OFFICE_25      | budget_expenditure                  | 2010302               | 合计=46140000.00;基本支出=;项目支出=46140000.00
            OFFICE_25      | budget_fiscal_appropriation_summary | 支出:支出总计          | 合计=91016775.35;一般公共预算=91016775.35;政府性基金预算=
            OFFICE_25      | budget_general_basic_expenditure    | 30217                 | 合计=185000.00;人员经费=;公用经费=185000.00
            OFFICE_25      | budget_general_basic_expenditure    | 合计                   | 合计=24606775.35;人员经费=22473997.81;公用经费=2132777.54
            OFFICE_25      | budget_three_public                 | -                     | 三公经费.合计=867.50;因公出国（境）费=839.00;公务接待费=28.50;公务用车购置及运行费.小计=;机关运行经费=213.28
            CITY_FINANCE_25 | budget_income_expenditure_summary  | 支出:一、一般公共服务支出 | 预算数=127886849;基本支出.人员经费=60330260;基本支出.公用经费=24531459;项目支出=43025130
            CITY_FINANCE_25 | budget_three_public                | -                     | 三公经费.合计=346.30;因公出国（境）费=288.70;公务用车购置及运行费.小计=32.20;公务用车购置费=;公务用车运行费=32.20;公务接待费=25.40;机关运行经费=2517.78
            WANLI_24       | budget_three_public                 | -                     | 三公经费.合计=47.91;因公出国（境）费=0;公务接待费=1.35;公务用车购置及运行费.小计=46.56;公务用车购置费=25;公务用车运行费=21.56;机关运行经费=443.18
            WANLI_24       | budget_general_basic_expenditure    | 30102                 | 合计=16623810;人员经费=16623810
            JS_RD_19       | budget_income_expenditure_summary   | 收入:收入合计          | 预算数=18330.37
            JS_RD_19       | budget_income_expenditure_summary   | 支出:八、社会保障和就业支出 | 预算数=1121.39
            JS_RD_19       | budget_income_expenditure_summary   | 支出用途:三、单位预留机动经费 | 预算数=2557.89
            JS_RD_19       | budget_income_expenditure_summary   | 支出用途:支出合计       | 预算数=18330.37
            JS_RD_19       | budget_fiscal_appropriation_summary | 支出:一、基本支出       | 合计=9312.90
            JS_RD_19       | budget_fiscal_appropriation_expenditure | 2010104           | 合计=1469.73
            JS_RD_19       | budget_fiscal_appropriation_basic_expenditure | 30231       | 合计=183.60
            JS_RD_19       | budget_government_procurement       | 合计                   | 总计=2416.43
            JS_RD_19       | budget_government_procurement       | 一、货物A               | 总计=233.10
            JS_RD_19       | budget_government_procurement       | 办公设备购置费 办公设备购置 | 总计=53.10
            JS_RD_19       | budget_government_procurement       | 台式计算机（20万以下） 分散自行组织 | 总计=17.92
            JS_RD_19       | budget_expenditure_by_use           | -                     | 合计=18330.37;基本支出=9312.90;项目支出=6459.58;单位预留机动经费=2557.89;结转下年资金=
            JS_RD_19       | budget_three_public                 | -                     | 合计=2600.71;三公经费.合计=767.60;因公出国（境）费=199.25;公务用车购置及运行费.小计=183.60;公务用车购置费=;公务用车运行费=183.60;公务接待费=384.75;会议费=1469.73;培训费=363.38
            """)
    void cellsAreReadAsPrinted(String file, String schema, String key, String cells) {
        ExtractedTable t = table(read(file(file)), schema);
        for (String kv : cells.split(";")) {
            String[] p = kv.split("=", -1);
            String want = p[1].isBlank() ? null : p[1];
            assertThat(value(t, key, p[0])).as("%s %s %s", schema, key, p[0]).isEqualTo(want);
        }
    }

    private static String file(String name) {
        return switch (name) {
            case "OFFICE_25" -> OFFICE_25;
            case "CITY_FINANCE_25" -> CITY_FINANCE_25;
            case "WANLI_24" -> WANLI_24;
            case "JS_RD_19" -> JIANGSU + "江苏省人大办公厅/江苏省人大常委会办公厅2019年部门预算公开表.pdf";
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Each table states its own unit: Shanghai prints its forms in 元 and its 三公 table in 万元; nothing is rescaled. */
    @Test
    void eachTableStatesTheUnitItsUnitLinePrints() {
        ExtractedDocument doc = read(OFFICE_25);
        for (ExtractedTable t : doc.tables()) {
            assertThat(t.unit()).as(t.schema()).isEqualTo(t.schema().equals("budget_three_public") ? "万元" : "元");
        }
    }

    @ParameterizedTest
    @CsvSource({"WANLI_23,2023,部门", "WANLI_24,2024,部门", "OFFICE_25,2025,部门", "OFFICE_UNIT_25,2025,单位",
            "JUSTICE_26,2026,部门", "JUSTICE_UNIT_26,2026,单位", "WELFARE_24,2024,单位", "CITY_FINANCE_25,2025,单位"})
    void theDocumentIsABudgetOfTheYearItBudgets(String name, int year, String level) {
        String file = switch (name) {
            case "WANLI_23" -> WANLI_23;
            case "WANLI_24" -> WANLI_24;
            case "OFFICE_25" -> OFFICE_25;
            case "OFFICE_UNIT_25" -> OFFICE_UNIT_25;
            case "JUSTICE_26" -> JUSTICE_26;
            case "JUSTICE_UNIT_26" -> JUSTICE_UNIT_26;
            case "WELFARE_24" -> WELFARE_24;
            default -> CITY_FINANCE_25;
        };
        ExtractedDocument doc = read(file);
        assertThat(doc.kind()).isEqualTo("budget");
        assertThat(doc.fiscalYear()).isEqualTo(year);
        assertThat(doc.level()).isEqualTo(level);
    }

    /**
     * 万里街道's 收入/支出预算总表 and 一般公共预算支出功能分类预算表 run over 4-5 pages each: one table
     * each, every subject once, in printed (code) order, the 合计 last and equal to the summary's total.
     */
    /**
     * 万里街道's 一般公共预算基本支出经济分类预算表 runs over two pages: one table, every economic code once, in
     * printed order, the 合计 last and equal to the 基本支出 of the general-expenditure table.
     */
    @ParameterizedTest
    @CsvSource({"WANLI_23,26,27,30", "WANLI_24,29,30,31", "WANLI_25,27,28,31"})
    void theBasicExpenditureTableOverTwoPagesIsOneWithEveryCodeOnceInOrder(String name, int from, int to, int codes) {
        ExtractedDocument doc = read(switch (name) { case "WANLI_23" -> WANLI_23; case "WANLI_24" -> WANLI_24; default -> WANLI_25; });
        ExtractedTable t = table(doc, "budget_general_basic_expenditure");
        assertThat(List.of(t.pageFrom(), t.pageTo())).containsExactly(from, to);
        assertThat(t.flags()).extracting(Flag::code).containsExactly("TABLE_SPLIT_ACROSS_PAGES");
        List<String> printed = t.rows().stream().map(r -> (String) r.key().get("code")).filter(c -> c != null).toList();
        assertThat(printed).hasSize(codes).doesNotHaveDuplicates().isSorted();
        TableRow last = t.rows().get(t.rows().size() - 1);
        assertThat(last.key().get("name")).isEqualTo("合计");
        assertThat(last.cells().get("合计").value()).isEqualTo(value(table(doc, "budget_general_expenditure"), "合计", "基本支出"));
    }

    @ParameterizedTest
    @CsvSource({"WANLI_23,11,14,15,18,20,23", "WANLI_24,11,15,16,20,22,26", "WANLI_25,10,13,14,18,20,24"})
    void multiPageTablesAreStitchedIntoOneWithEveryRowOnceInOrder(String name, int incFrom, int incTo, int expFrom, int expTo,
                                                                    int genFrom, int genTo) {
        ExtractedDocument doc = read(switch (name) { case "WANLI_23" -> WANLI_23; case "WANLI_24" -> WANLI_24; default -> WANLI_25; });
        String total = value(table(doc, "budget_income_expenditure_summary"), "收入:收入总计", "预算数");
        int[][] pages = {{incFrom, incTo}, {expFrom, expTo}, {genFrom, genTo}};
        List<String> schemas = List.of("budget_income", "budget_expenditure", "budget_general_expenditure");
        for (int i = 0; i < schemas.size(); i++) {
            ExtractedTable t = table(doc, schemas.get(i));
            assertThat(List.of(t.pageFrom(), t.pageTo())).as(t.schema()).containsExactly(pages[i][0], pages[i][1]);
            assertThat(t.flags()).extracting(Flag::code).containsExactly("TABLE_SPLIT_ACROSS_PAGES");
            List<String> codes = t.rows().stream().map(r -> (String) r.key().get("code")).filter(c -> c != null).toList();
            assertThat(codes).as(t.schema()).hasSize(66).doesNotHaveDuplicates().isSorted();
            TableRow last = t.rows().get(t.rows().size() - 1);
            assertThat(last.key().get("name")).isEqualTo("合计");
            assertThat(last.cells().get("合计").value()).as(t.schema()).isEqualTo(total);
            assertThat(t.rows()).hasSize(67);
        }
    }
}

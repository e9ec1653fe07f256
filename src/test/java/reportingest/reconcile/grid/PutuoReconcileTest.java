package reportingest.reconcile.grid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.catalog.Catalog;
import reportingest.validate.Check;
import reportingest.validate.Outcome;
import reportingest.validate.Validator;
import reportingest.reconcile.fin.Cells;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.reconcile.grid.RealReports.CORRUPTED;
import static reportingest.reconcile.grid.RealReports.FINANCE;
import static reportingest.reconcile.grid.RealReports.PLANNING;
import static reportingest.reconcile.grid.RealReports.SOCIAL;

/**
 * The three real 2024 Shanghai Putuo 部门决算 reports (ONLYOFFICE with codes split over 类/款/项,
 * Word and WPS with joined codes and wrapped names) reconciled from their Tabula grids, and the
 * deliberately corrupted copy of the first. Expected cells are read off {@code pdftotext -layout}.
 */
class PutuoReconcileTest {
    private static final List<String> NINE = List.of("income_expenditure_summary", "income", "expenditure",
            "fiscal_appropriation_summary", "general_budget_expenditure", "general_budget_basic_expenditure",
            "three_public_expenses", "government_fund", "state_capital_income_expenditure");

    private static ExtractedTable table(String file, String schema) {
        List<ExtractedTable> t = RealReports.reconciled(file).tables().stream().filter(x -> x.schema().equals(schema)).toList();
        assertThat(t).as("%s in %s", schema, file).hasSize(1);
        return t.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE, SOCIAL, PLANNING})
    void theNineStandardTablesAreReconciledWithTheirSchemaAndNothingIsFlagged(String file) {
        ExtractedDocument doc = RealReports.reconciled(file);
        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactlyElementsOf(NINE);
        assertThat(doc.flags()).extracting(f -> f.code()).doesNotContain(Cells.TABLE_MISSING);
        for (ExtractedTable t : doc.tables()) {
            assertThat(t.flags()).as(t.schema()).allMatch(f -> f.code().equals(Cells.TABLE_SPLIT_ACROSS_PAGES));
            assertThat(t.rows()).as(t.schema()).isNotEmpty().allSatisfy(r ->
                    assertThat(r.status()).as(t.schema() + " " + r.key() + " " + r.flags() + " " + r.cells()).isEqualTo(RowStatus.ACCEPTED));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE, SOCIAL, PLANNING})
    void codesAreJoinedToFullLengthAndEveryCodedRowHasAName(String file) {
        for (String schema : List.of("income", "expenditure", "general_budget_expenditure", "general_budget_basic_expenditure")) {
            for (TableRow r : table(file, schema).rows()) {
                String code = (String) r.key().get("code");
                if (code == null) {
                    assertThat((String) r.key().get("name")).as(schema).matches("合计|人员经费合计|公用经费合计");
                } else {
                    assertThat(code).as(schema).matches(schema.equals("general_budget_basic_expenditure") ? "\\d{3}|\\d{5}" : "\\d{3}|\\d{5}|\\d{7}");
                    assertThat((String) r.key().get("name")).as(schema + " " + code).isNotBlank();
                }
            }
        }
    }

    /** {@code key}: code, or name for a code-less row, or side:item; {@code cells}: column=value;… (blank = null). */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            FINANCE  | income | 合计 | 本年收入合计=2946.25;财政拨款收入=2940.05;上级补助收入=;其他收入=6.20
            FINANCE  | income | 201 | 本年收入合计=2112.86;财政拨款收入=2106.66;其他收入=6.20;事业收入=
            FINANCE  | income | 208 | 本年收入合计=326.72;财政拨款收入=326.72;其他收入=
            FINANCE  | income | 210 | 本年收入合计=60.99;财政拨款收入=60.99
            FINANCE  | income | 221 | 本年收入合计=445.69;财政拨款收入=445.69
            FINANCE  | income | 2010602 | 本年收入合计=16.19;财政拨款收入=10.00;其他收入=6.19
            FINANCE  | income | 2080505 | 本年收入合计=160.75;财政拨款收入=160.75
            FINANCE  | income | 2210203 | 本年收入合计=258.50;财政拨款收入=258.50
            FINANCE  | expenditure | 合计 | 本年支出合计=2940.05;基本支出=2336.91;项目支出=603.14;上缴上级支出=
            FINANCE  | expenditure | 201 | 本年支出合计=2106.66;基本支出=1503.52;项目支出=603.14
            FINANCE  | expenditure | 208 | 本年支出合计=326.72;基本支出=326.72;项目支出=
            FINANCE  | expenditure | 210 | 本年支出合计=60.99;基本支出=60.99
            FINANCE  | expenditure | 221 | 本年支出合计=445.69;基本支出=445.69
            FINANCE  | expenditure | 2010601 | 本年支出合计=1511.89;基本支出=1503.52;项目支出=8.37
            FINANCE  | expenditure | 2210201 | 本年支出合计=187.19;基本支出=187.19
            FINANCE  | general_budget_expenditure | 合计 | 小计=2940.05;基本支出=2336.91;项目支出=603.14
            FINANCE  | general_budget_expenditure | 2010602 | 小计=10.00;基本支出=;项目支出=10.00
            FINANCE  | general_budget_basic_expenditure | 30112 | 决算数=1.61
            FINANCE  | general_budget_basic_expenditure | 30211 | 决算数=1.20
            FINANCE  | general_budget_basic_expenditure | 30310 | 决算数=
            FINANCE  | general_budget_basic_expenditure | 30229 | 决算数=42.77
            FINANCE  | general_budget_basic_expenditure | 310 | 决算数=13.58
            FINANCE  | general_budget_basic_expenditure | 人员经费合计 | 决算数=2152.26
            FINANCE  | general_budget_basic_expenditure | 公用经费合计 | 决算数=184.65
            FINANCE  | income_expenditure_summary | 收入:八、其他收入 | 决算数=6.20
            FINANCE  | income_expenditure_summary | 收入:总计 | 决算数=2995.39
            FINANCE  | income_expenditure_summary | 支出:八、社会保障和就业支出 | 决算数=326.71
            FINANCE  | income_expenditure_summary | 支出:年末结转和结余 | 决算数=55.34
            FINANCE  | fiscal_appropriation_summary | 收入:年初财政拨款结转和结余 | 金额=21.63
            FINANCE  | fiscal_appropriation_summary | 支出:总计 | 合计=2961.68;一般公共预算财政拨款=2961.68;政府性基金预算财政拨款=
            FINANCE  | three_public_expenses | - | 预算数.合计=0.95;预算数.公务接待费=0.95;决算数.合计=;决算数.公务接待费=;预算数.因公出国（境）费=
            FINANCE  | government_fund | 合计 | 年初结转和结余=;本年收入=;本年支出.小计=;年末结转和结余=
            SOCIAL   | income | 合计 | 本年收入合计=307.82;财政拨款收入=307.82
            SOCIAL   | income | 201 | 本年收入合计=264.87;财政拨款收入=264.87
            SOCIAL   | income | 208 | 本年收入合计=10.82;财政拨款收入=10.82
            SOCIAL   | income | 210 | 本年收入合计=2.71;财政拨款收入=2.71
            SOCIAL   | income | 221 | 本年收入合计=29.42;财政拨款收入=29.42
            SOCIAL   | income | 2080505 | 本年收入合计=6.18;财政拨款收入=6.18
            SOCIAL   | expenditure | 合计 | 本年支出合计=307.82;基本支出=105.58;项目支出=202.24
            SOCIAL   | expenditure | 201 | 本年支出合计=264.87;基本支出=62.63;项目支出=202.24
            SOCIAL   | expenditure | 208 | 本年支出合计=10.82;基本支出=10.82;项目支出=
            SOCIAL   | expenditure | 210 | 本年支出合计=2.71;基本支出=2.71
            SOCIAL   | expenditure | 221 | 本年支出合计=29.42;基本支出=29.42
            SOCIAL   | expenditure | 2013999 | 本年支出合计=202.24;基本支出=;项目支出=202.24
            SOCIAL   | general_budget_expenditure | 合计 | 小计=307.82;基本支出=105.58;项目支出=202.24
            SOCIAL   | general_budget_expenditure | 2080505 | 小计=6.18;基本支出=6.18;项目支出=
            SOCIAL   | general_budget_basic_expenditure | 30108 | 决算数=6.18
            SOCIAL   | general_budget_basic_expenditure | 30202 | 决算数=0.00
            SOCIAL   | general_budget_basic_expenditure | 30211 | 决算数=1.15
            SOCIAL   | general_budget_basic_expenditure | 人员经费合计 | 决算数=95.36
            SOCIAL   | general_budget_basic_expenditure | 公用经费合计 | 决算数=10.23
            SOCIAL   | income_expenditure_summary | 收入:本年收入合计 | 决算数=307.82
            SOCIAL   | income_expenditure_summary | 支出:十九、住房保障支出 | 决算数=29.42
            SOCIAL   | fiscal_appropriation_summary | 支出:本年支出合计 | 合计=307.82;一般公共预算财政拨款=307.82
            SOCIAL   | three_public_expenses | - | 预算数.合计=;决算数.合计=;决算数.公务接待费=
            PLANNING | income | 合计 | 本年收入合计=9746.50;财政拨款收入=9746.50
            PLANNING | income | 208 | 本年收入合计=754.75;财政拨款收入=754.75
            PLANNING | income | 210 | 本年收入合计=236.64;财政拨款收入=236.64
            PLANNING | income | 212 | 本年收入合计=3832.36;财政拨款收入=3832.36
            PLANNING | income | 220 | 本年收入合计=4461.67;财政拨款收入=4461.67
            PLANNING | income | 221 | 本年收入合计=461.08;财政拨款收入=461.08
            PLANNING | income | 2120201 | 本年收入合计=2739.56;财政拨款收入=2739.56
            PLANNING | expenditure | 合计 | 本年支出合计=9759.38;基本支出=5377.64;项目支出=4381.74
            PLANNING | expenditure | 208 | 本年支出合计=754.75;基本支出=754.75;项目支出=0.00
            PLANNING | expenditure | 210 | 本年支出合计=236.64;基本支出=236.64;项目支出=0.00
            PLANNING | expenditure | 212 | 本年支出合计=3845.24;基本支出=1585.59;项目支出=2259.65
            PLANNING | expenditure | 220 | 本年支出合计=4461.67;基本支出=2339.58;项目支出=2122.09
            PLANNING | expenditure | 221 | 本年支出合计=461.08;基本支出=461.08;项目支出=0.00
            PLANNING | expenditure | 2200150 | 本年支出合计=4416.67;基本支出=2339.58;项目支出=2077.09
            PLANNING | general_budget_expenditure | 212 | 小计=3832.36;基本支出=1572.70;项目支出=2259.65
            PLANNING | general_budget_expenditure | 2200199 | 小计=45.00;基本支出=0.00;项目支出=45.00
            PLANNING | general_budget_expenditure | 合计 | 小计=9746.50;基本支出=5364.75;项目支出=4381.74
            PLANNING | general_budget_basic_expenditure | 30107 | 决算数=1594.02
            PLANNING | general_budget_basic_expenditure | 31002 | 决算数=39.76
            PLANNING | general_budget_basic_expenditure | 人员经费合计 | 决算数=4884.09
            PLANNING | general_budget_basic_expenditure | 公用经费合计 | 决算数=480.66
            PLANNING | income_expenditure_summary | 支出:十一、城乡社区支出 | 决算数=3845.25
            PLANNING | income_expenditure_summary | 收入:年初结转和结余 | 决算数=112.88
            PLANNING | income_expenditure_summary | 支出:总计 | 决算数=9859.38
            PLANNING | fiscal_appropriation_summary | 支出:十一、城乡社区支出 | 合计=3832.36;一般公共预算财政拨款=3832.36
            PLANNING | three_public_expenses | - | 预算数.合计=2.85;决算数.合计=0.39;预算数.因公出国（境）费=0.00;决算数.公务用车购置及运行维护费.小计=0.00;预算数.公务接待费=2.85;决算数.公务接待费=0.39
            """)
    void cellsAreReadAsPrinted(String which, String schema, String key, String cells) {
        String file = switch (which) {
            case "FINANCE" -> FINANCE;
            case "SOCIAL" -> SOCIAL;
            default -> PLANNING;
        };
        ExtractedTable t = table(file, schema);
        List<TableRow> rows = t.rows().stream().filter(r -> matches(r, key)).toList();
        assertThat(rows).as("%s %s in %s", schema, key, file).hasSize(1);
        Map<String, String> actual = new LinkedHashMap<>();
        rows.get(0).cells().forEach((c, v) -> actual.put(c, v.value()));
        for (String kv : cells.split(";")) {
            String[] p = kv.split("=", -1);
            assertThat(actual).as("%s %s", schema, key).containsKey(p[0]);
            assertThat(actual.get(p[0])).as("%s %s %s", schema, key, p[0]).isEqualTo(p[1].isEmpty() ? null : p[1]);
        }
    }

    private static boolean matches(TableRow r, String key) {
        if (key.equals("-")) return true;
        if (r.key().containsKey("side")) {
            String[] p = key.split(":", 2);
            return p[0].equals(r.key().get("side")) && p[1].equals(r.key().get("item"));
        }
        if (key.matches("\\d+")) return key.equals(r.key().get("code"));
        return r.key().get("code") == null && key.equals(r.key().get("name"));
    }

    /** How many identities the catalog instantiates on each report (README: 168, 211 and 220), every one holding. */
    @ParameterizedTest(name = "{0}: all {1} identities hold")
    @CsvSource({FINANCE + ", 168", SOCIAL + ", 211", PLANNING + ", 220"})
    void everyCatalogIdentityHoldsOnTheAsPublishedReports(String file, int identities) {
        List<Outcome> checks = tableIdentities(RealReports.reconciled(file));
        System.out.println(file + ": identities holding " + checks.stream().filter(Outcome::holds).count()
                + " of " + checks.size());
        assertThat(checks).hasSize(identities);
        assertThat(checks).filteredOn(o -> !o.holds()).extracting(Outcome::message).isEmpty();
    }

    /**
     * The corrupted copy drops the 支出决算表 and the 三公 value row; every identity left inside the
     * tables still holds, so what is wrong must show as flags: the table the contents list but the
     * document does not print, and a 三公 table with no values and no note saying it is empty.
     */
    @ParameterizedTest
    @ValueSource(strings = {CORRUPTED})
    void theCorruptedCopyIsFlagged(String file) {
        ExtractedDocument doc = RealReports.reconciled(file);
        List<Outcome> checks = tableIdentities(doc);
        System.out.println(file + ": identities holding " + checks.stream().filter(Outcome::holds).count()
                + " of " + checks.size() + "; broken: " + checks.stream().filter(c -> !c.holds()).map(Outcome::message).toList()
                + "; document flags: " + doc.flags());
        // 119 identities are left once the 支出决算表 (and every identity using it) is gone; all of them hold.
        assertThat(checks).hasSize(119);
        assertThat(checks).filteredOn(o -> !o.holds()).isEmpty();
        assertThat(doc.tables()).extracting(ExtractedTable::schema).doesNotContain("expenditure");
        assertThat(doc.flags()).anyMatch(f -> f.code().equals(Cells.TABLE_MISSING) && f.message().contains("支出决算表"));
        TableRow sanGong = table(file, "three_public_expenses").rows().get(0);
        assertThat(sanGong.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(sanGong.cells().values()).allMatch(c -> c.value() == null
                && c.flags().stream().anyMatch(f -> f.code().equals(Cells.COLUMN_MISSING)));
        // The tables it does print are read as the good copy's.
        for (String schema : List.of("income", "general_budget_expenditure", "general_budget_basic_expenditure",
                "income_expenditure_summary", "fiscal_appropriation_summary")) {
            assertThat(values(table(file, schema))).as(schema).isEqualTo(values(table(FINANCE, schema)));
        }
    }

    private static List<String> values(ExtractedTable t) {
        return t.rows().stream().map(r -> r.key() + " " + r.cells().values().stream().map(CellValue::value).toList()).toList();
    }

    /** The identities within and between the tables, evaluated by the validate stage itself. */
    private static List<Outcome> tableIdentities(ExtractedDocument doc) {
        return new Validator(Catalog.load()).validate(doc, List.of()).outcomes().stream()
                .filter(o -> o.check().source() != Check.Source.NARRATIVE).toList();
    }
}

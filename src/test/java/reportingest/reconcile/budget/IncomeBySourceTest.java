package reportingest.reconcile.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reportingest.catalog.Catalog;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.validate.Validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.reconcile.budget.RealBudgets.*;

/**
 * Jiangsu's 收入预算总表 is a list by source of income (项目名称 | 金额), its 项目名称 over two columns: the
 * source group (一般公共预算资金, 政府性基金, 财政专户管理资金, 其他资金, 上年结转和结余资金) and its lines, a 小计
 * first. Read as budget_income_by_source, each line keyed by group and item; 收入总计 = Σ 小计, each 小计 = Σ
 * its lines, and the 小计 agree with the 收支预算总表's 收入 lines. Figures from {@code pdftotext -layout}.
 */
class IncomeBySourceTest {
    private static final String PROCURATORATE_17 = JIANGSU + "江苏省人民检察院/2017年省检察院部门预算.pdf";
    private static final String PROCURATORATE_18 = JIANGSU + "江苏省人民检察院/2018年省检察院部门预算公开.pdf";
    private static final String PARTY_OFFICE_17 = JIANGSU + "江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf";
    private static final String CPPCC_19 = JIANGSU + "江苏省政协办公厅/江苏省政协办公厅2019年预算公开表.pdf";

    /**
     * 检察院 2017 p11 (WPS, group names on a merged cell's first line) and 2018 p14 (Word 2007, each group name set in
     * the middle of its lines, below its 小计): the same groups. 委办 2017 p2 fills 财政专户管理资金; 政协 2019 p2
     * prints 财政专户管理资金 without its lines.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PROCURATORATE_17 | 11 | 收入总计=17996.68;一般公共预算资金/小计=17981.68;一般公共预算资金/公共财政拨款(补助)资金=17981.68;其他资金/小计=15.00;其他资金/其他收入=15.00;其他资金/债务资金(银行贷款)=;上年结转和结余资金/小计=
            PROCURATORATE_18 | 14 | 收入总计=21955.35;一般公共预算资金/小计=21940.96;一般公共预算资金/专项收入=;政府性基金/小计=;其他资金/小计=14.39;其他资金/其他收入=14.39;上年结转和结余资金/其中：动用上年结转和结余资金=
            PARTY_OFFICE_17  |  2 | 收入总计=20849.45;一般公共预算资金/小计=20702.25;财政专户管理资金/小计=147.20;财政专户管理资金/其他非税收入=147.20;其他资金/小计=
            CPPCC_19         |  2 | 收入总计=13377.11;一般公共预算资金/小计=13297.11;财政专户管理资金/小计=;其他资金/小计=80.00;其他资金/其他收入=80.00
            """)
    void eachLineIsReadWithItsGroup(String name, int page, String cells) {
        ExtractedDocument doc = read(file(name));
        ExtractedTable t = table(doc, "budget_income_by_source");
        assertThat(t.pageFrom()).isEqualTo(page);
        assertThat(t.unit()).isEqualTo("万元");
        for (String kv : cells.split(";")) {
            String[] p = kv.split("=", -1);
            assertThat(amount(t, p[0])).as(name + " " + p[0]).isEqualTo(p[1].isEmpty() ? null : p[1]);
        }
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
        // the groups in printed order
        assertThat(t.rows().stream().map(r -> r.key().get("group")).filter(g -> g != null).distinct())
                .containsExactly("一般公共预算资金", "政府性基金", "财政专户管理资金", "其他资金", "上年结转和结余资金");
    }

    /** The figures are checked, not only read: a 小计 one off breaks its group's sum, 收入总计 and the summary's line. */
    @Test
    void aSubtotalThatDisagreesIsFlaggedInTheTableAndAgainstTheSummary() {
        ExtractedDocument doc = read(PROCURATORATE_17);
        ExtractedDocument altered = withAmount(doc, "其他资金/小计", "16.00");
        ExtractedDocument checked = new Validator(Catalog.load()).validate(altered, List.of()).document();
        TableRow other = row(table(checked, "budget_income_by_source"), "其他资金/小计");
        assertThat(other.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(other.flags()).extracting(Flag::code).contains("TOTAL_MISMATCH", "CROSS_TABLE_MISMATCH");
    }

    private static String file(String name) {
        return switch (name) {
            case "PROCURATORATE_17" -> PROCURATORATE_17;
            case "PROCURATORATE_18" -> PROCURATORATE_18;
            case "PARTY_OFFICE_17" -> PARTY_OFFICE_17;
            default -> CPPCC_19;
        };
    }

    /** The line "group/item" (or an ungrouped item). */
    private static TableRow row(ExtractedTable t, String key) {
        String[] p = key.split("/", 2);
        String group = p.length == 2 ? p[0] : null, item = p[p.length - 1];
        return t.rows().stream().filter(r -> item.equals(r.key().get("item")) && java.util.Objects.equals(group, r.key().get("group")))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + key));
    }

    private static String amount(ExtractedTable t, String key) {
        return row(t, key).cells().get("金额").value();
    }

    private static ExtractedDocument withAmount(ExtractedDocument doc, String key, String value) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            if (!t.schema().equals("budget_income_by_source")) {
                tables.add(t);
                continue;
            }
            TableRow target = row(t, key);
            List<TableRow> rows = new ArrayList<>();
            for (TableRow r : t.rows()) {
                if (r != target) {
                    rows.add(r);
                    continue;
                }
                CellValue c = r.cells().get("金额");
                Map<String, CellValue> cells = new LinkedHashMap<>(r.cells());
                cells.put("金额", new CellValue(value, value, c.confidence(), c.flags(), c.page(), c.bbox(), c.origin(), null));
                rows.add(new TableRow(r.key(), cells, r.status(), r.flags()));
            }
            tables.add(t.withRows(rows, t.flags()));
        }
        return doc.with(tables, doc.flags());
    }
}

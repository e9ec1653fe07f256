package reportingest.tables.text;

import org.junit.jupiter.api.Test;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

/** A made-up report in layouts the seeds do not use; nothing here comes from a seed. */
class UnseenReportTest {
    private static final String REPORT = String.join("\n",
            "目录",
            "一、收入决算表",
            "二、财政拨款“三公”经费支出决算表",
            "第二部分 部门决算表",
            "收入决算表",
            "部门：某某县文化馆\t2030年度\t公开02表\t单位：万元",
            "项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入",
            "功能分类科目编码\t科目名称",
            "合计\t\t305.20\t305.20\t\t\t\t\t",
            "207文化旅游体育与传媒支出\t\t3O5.20\t305.20\t\t\t\t\t",
            "20701 文化和旅游\t\t305.20\t305.20\t\t\t\t\t",
            "2070109群众文化\t\t305.20\t305.20\t\t\t\t\t",
            "注：本表反映部门本年度取得的各项收入情况。",
            "财政拨款“三公”经费支出决算表",
            "单位：万元",
            "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t",
            "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t",
            "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数",
            "9.00\t8.00\t0.00\t0.00\t6.00\t5.00\t0.00\t0.00\t6.00\t5.00\t3.00\t3.00",
            "第三部分 情况说明");

    @Test
    void tocIsSkippedAndBothTablesAreRead() {
        ExtractedDocument doc = FinancialFixtures.extract(REPORT);
        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactly("income", "three_public_expenses");
        assertThat(doc.unit()).isEqualTo("某某县文化馆");
        assertThat(doc.fiscalYear()).isEqualTo(2030);
    }

    @Test
    void fusedCodesAreSplitAndAnOcrDamagedAmountIsRepairedButSentForReview() {
        ExtractedTable income = FinancialFixtures.extract(REPORT).tables().get(0);
        assertThat(income.rows()).extracting(r -> r.key().get("code") + "|" + r.key().get("name")).containsExactly(
                "null|合计", "207|文化旅游体育与传媒支出", "20701|文化和旅游", "2070109|群众文化");
        TableRow damaged = income.rows().get(1);
        assertThat(damaged.cells().get("本年收入合计").value()).isEqualTo("305.20");
        assertThat(damaged.cells().get("本年收入合计").flags()).extracting(f -> f.code()).containsExactly("PARSE_AMBIGUOUS");
        assertThat(damaged.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(income.rows().get(2).status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(income.rows().get(2).cells().get("上级补助收入").value()).isNull();
    }

    @Test
    void threePublicExpensesWithBudgetAndActualInnermostAreMappedToCanonicalColumns() {
        TableRow row = FinancialFixtures.extract(REPORT).tables().get(1).rows().get(0);
        assertThat(row.cells().get("预算数.合计").value()).isEqualTo("9.00");
        assertThat(row.cells().get("决算数.合计").value()).isEqualTo("8.00");
        assertThat(row.cells().get("预算数.公务用车购置及运行维护费.小计").value()).isEqualTo("6.00");
        assertThat(row.cells().get("决算数.公务用车运行维护费").value()).isEqualTo("5.00");
        assertThat(row.cells().get("决算数.公务接待费").value()).isEqualTo("3.00");
        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
    }
}

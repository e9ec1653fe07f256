package reportingest.validate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 部门整体支出绩效自评表 identities of the catalog (funds lines sum to 年度资金总额, 执行率 =
 * 全年执行数 / 全年预算数, 得分 ≤ 分值, 总分 = Σ rows) on seeds 004 and 002 as printed and with one
 * figure of 004's form changed.
 */
class PerformanceFormIdentitiesTest {
    private static final String SEED = "004_d2f5081e5b89099b";
    private static final String FUNDS = "\t合计\t921.87\t1196.83\t1196.83\t10\t100%\t10";
    private static String text;

    @BeforeAll
    static void read() throws IOException {
        text = SeedRun.seedText(SEED);
        assertThat(text).contains(FUNDS);
    }

    private static ExtractedTable form(Validation v) {
        return v.document().tables().stream().filter(t -> t.schema().equals("performance_self_evaluation")).findFirst().orElseThrow();
    }

    private static TableRow row(Validation v, String label) {
        return form(v).rows().stream().filter(r -> label.equals(r.key().get("label"))).findFirst().orElseThrow();
    }

    private static List<String> formChecks(Validation v) {
        return v.outcomes().stream().filter(o -> o.check().id().startsWith("performance_self_evaluation/")).map(o -> o.check().id()).toList();
    }

    @Test
    void theFormsAsPrintedSatisfyEveryIdentityAndNoRowIsFlaggedByThem() throws IOException {
        for (String seed : List.of(SEED, "002_2cbfc221691712bf")) {
            Validation v = SeedRun.validate(SeedRun.seedText(seed));
            List<Outcome> form = v.outcomes().stream().filter(o -> o.check().id().startsWith("performance_self_evaluation/")).toList();
            assertThat(form).as(seed).hasSizeGreaterThan(10).allMatch(Outcome::holds);
        }
        Validation v = SeedRun.validate(text);
        assertThat(formChecks(v)).contains(
                "performance_self_evaluation/children/合计/资金情况 (万元) / 年度资金总额/年初预算数",
                "performance_self_evaluation/children/合计/资金情况 (万元) / 年度资金总额/全年预算数",
                "performance_self_evaluation/ratio/合计/执行率",
                "performance_self_evaluation/atleast/出台医保惠民政策/分值",
                "performance_self_evaluation/column/总分/分值",
                "performance_self_evaluation/column/总分/得分");
        // the funding lines leave 全年执行数 blank: that column is not broken down, so not checked
        assertThat(formChecks(v)).doesNotContain("performance_self_evaluation/children/合计/资金情况 (万元) / 年度资金总额/全年执行数");
        assertThat(row(v, "合计").status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void anExecutionRateThatIsNotExecutionOverBudgetIsFlagged() {
        Validation v = SeedRun.validate(text.replace(FUNDS, "\t合计\t921.87\t1196.83\t1196.83\t10\t107%\t10"));
        TableRow funds = row(v, "合计");
        assertThat(funds.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(funds.cells().get("执行率").flags()).extracting(Flag::message).containsExactly(
                "performance_self_evaluation row 合计: 执行率 = 全年执行数 / 全年预算数: 合计 执行率 107% ≠ 合计 全年执行数 1196.83"
                        + " / 合计 全年预算数 1196.83 = 100.00% (diff 7.00)");
    }

    @Test
    void aFundingLineThatNoLongerAddsUpToTheTotalIsFlagged() {
        Validation v = SeedRun.validate(text.replace("\t其中：当年财政拨款\t921.87\t", "\t其中：当年财政拨款\t941.87\t"));
        CellValue line = row(v, "其中：当年财政拨款").cells().get("年初预算数");
        assertThat(line.value()).isEqualTo("941.87");
        assertThat(line.flags()).extracting(Flag::code).containsExactly("TOTAL_MISMATCH");
        assertThat(row(v, "合计").status()).isEqualTo(RowStatus.NEEDS_REVIEW);
    }

    @Test
    void aScoreAboveItsWeightIsFlaggedAndTheOnlyReadingThatFitsIsProposed() {
        String line = "\t\t\t医保基金监督检查率\t100%\t100%\t5\t5\t";
        assertThat(text).contains(line);
        Validation v = SeedRun.validate(text.replace(line, "\t\t\t医保基金监督检查率\t100%\t100%\t5\t7\t"));
        TableRow r = row(v, "医保基金监督检查率");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        CellValue score = r.cells().get("得分");
        assertThat(score.value()).isEqualTo("7");
        assertThat(score.flags()).extracting(Flag::code).containsExactly("ROW_SUM_MISMATCH", "TOTAL_MISMATCH", "REPAIR_PROPOSED");
        assertThat(score.proposal()).isEqualTo("5");
        // the weight and the total both fail through this score alone and 5 makes both hold: the total is not in doubt
        assertThat(row(v, "总分").cells().get("得分").flags()).isEmpty();
        assertThat(score.flags()).extracting(Flag::message).contains(
                "performance_self_evaluation 总分 得分 = Σ the 得分 of every other row: 总分 得分 100 ≠ 合计 得分 10 + 出台医保惠民政策 得分 5"
                        + " + 经办事项全部入驻政务服务大厅 得分 5 + 办事办结率达到100% 得分 5 + 医保基金监督检查率 得分 7"
                        + " + 定点医药机构医保电子凭证推广应用率 得分 5 + 基金预警和风险控制能力 得分 5 + 推行医保支付方式改革和DRG、DIP试点 得分 10"
                        + " + 按预算执行 得分 10 + 复合式付费方式推广 得分 10 + 医保办事效能 得分 4 + 开通村级医保帮代办服务 得分 4 + … (3 more)"
                        + " = 102 (diff -2 > tolerance 0.05)");
    }

    @Test
    void aLowerScoreWithinItsWeightIsFlaggedByTheTotalAndRestoredByTheOnlyFittingReading() {
        String line = "\t\t\t医保基金监督检查率\t100%\t100%\t5\t5\t";
        Validation v = SeedRun.validate(text.replace(line, "\t\t\t医保基金监督检查率\t100%\t100%\t5\t3\t"));
        TableRow r = row(v, "医保基金监督检查率");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        // any other score raised by 2 would exceed its weight, so only this cell's 3 → 5 fits every identity
        assertThat(r.cells().get("得分").flags()).extracting(Flag::code).containsExactly("TOTAL_MISMATCH", "REPAIR_PROPOSED");
        assertThat(r.cells().get("得分").proposal()).isEqualTo("5");
        assertThat(r.cells().get("分值").flags()).isEmpty();
    }
}

package reportingest.validate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.Cells;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class 4 of issue 11 on text an earlier OCR run produced (seed 004, tab-separated rows): its 20805
 * branch is reprinted as 20801 人力资源和社会保障管理事务 with 2080101 行政运行 and 2080102 一般行政管理事务,
 * amounts unchanged. Neither 20801 nor its 项 are in the catalog, while 行政运行 / 一般行政管理事务 are known
 * one digit away (2010101, 2010102): valid printed codes must stand, and every identity still hold.
 */
class RepeatedSubjectNamesTest {
    private static Validation run;

    @BeforeAll
    static void runSeed() throws IOException {
        String text = SeedRun.seedText("004_d2f5081e5b89099b")
                .replace("20805\t行政事业单位养老支出", "20801\t人力资源和社会保障管理事务")
                .replace("2080501\t行政单位离退休", "2080101\t行政运行")
                .replace("2080505\t机关事业单位基本养老保险缴费支出", "2080102\t一般行政管理事务");
        run = SeedRun.validate(text);
    }

    @Test
    void printedCodesUnderTheirPrintedParentStandInEveryCodeTable() {
        List<ExtractedTable> coded = run.document().tables().stream()
                .filter(t -> List.of("income", "expenditure", "general_budget_expenditure").contains(t.schema())).toList();
        assertThat(coded).extracting(ExtractedTable::schema)
                .containsExactlyInAnyOrder("income", "expenditure", "general_budget_expenditure");
        for (ExtractedTable t : coded) {
            List<Object> codes = t.rows().stream().map(r -> r.key().get("code")).filter(c -> c != null).toList();
            assertThat(codes).as(t.schema()).containsSubsequence("208", "20801", "2080101", "2080102", "20807");
            assertThat(codes).as(t.schema()).doesNotContain("2010101", "2010102");
            for (String code : List.of("20801", "2080101", "2080102")) {
                TableRow r = t.rows().stream().filter(x -> code.equals(x.key().get("code"))).findFirst().orElseThrow();
                assertThat(r.flags()).as(t.schema() + " " + code).extracting(Flag::code)
                        .doesNotContain(Cells.LABEL_REPAIRED, "HIERARCHY_SUM_MISMATCH");
                assertThat(r.status()).as(t.schema() + " " + code).isEqualTo(RowStatus.ACCEPTED);
            }
        }
        TableRow admin = run.document().tables().stream().filter(t -> t.schema().equals("expenditure")).findFirst().orElseThrow()
                .rows().stream().filter(r -> "2080101".equals(r.key().get("code"))).findFirst().orElseThrow();
        assertThat(admin.key().get("name")).isEqualTo("行政运行");
        assertThat(admin.cells().get("本年支出合计").value()).isEqualTo("1.65");
    }

    @Test
    void noHierarchyIdentityFails() {
        assertThat(run.failures()).extracting(o -> o.check().flagCode()).doesNotContain("HIERARCHY_SUM_MISMATCH");
    }
}

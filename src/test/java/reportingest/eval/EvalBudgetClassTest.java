package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/eval reports budget documents (export kind "budget") as their own class: tables recognised by schema,
 * rows ACCEPTED, tables kept as unknown; a budget input needs no truth file.
 */
class EvalBudgetClassTest {

    /** An export of kind budget: a two-row income table (one row accepted), a three_public row, an unknown table. */
    private static ObjectNode budgetExport() {
        ObjectNode export = Exports.MAPPER.createObjectNode();
        export.put("kind", "budget");
        export.put("level", "部门");
        export.put("fiscalYear", 2025);
        ArrayNode tables = export.putArray("tables");
        table(tables, "budget_income", "ACCEPTED", "NEEDS_REVIEW");
        table(tables, "budget_three_public", "ACCEPTED");
        table(tables, "unknown", "NEEDS_REVIEW", "NEEDS_REVIEW", "NEEDS_REVIEW");
        return export;
    }

    private static void table(ArrayNode tables, String schema, String... statuses) {
        ObjectNode t = tables.addObject();
        t.put("schema", schema);
        ArrayNode rows = t.putArray("rows");
        for (String s : statuses) rows.addObject().put("status", s);
    }

    @Test
    void aBudgetExportIsCountedByItsTablesRowsAcceptedAndUnknownTables() {
        BudgetDocument b = BudgetDocument.of("x.pdf", budgetExport()).orElseThrow();
        assertThat(b.tablesBySchema()).isEqualTo(Map.of("budget_income", 1, "budget_three_public", 1));
        assertThat(List.of(b.tablesRecognised(), b.tablesUnknown(), b.rows(), b.rowsAccepted(), b.unknownRows()))
                .containsExactly(2, 1, 3, 2, 3);
        assertThat(b.fiscalYear()).isEqualTo(2025);
        assertThat(b.level()).isEqualTo("部门");
    }

    @Test
    void exportsOfOtherKindsAreNotBudgets() {
        ObjectNode export = budgetExport();
        export.put("kind", "final_accounts");
        assertThat(BudgetDocument.of("x.pdf", export)).isEmpty();
        assertThat(BudgetDocument.of("x.pdf", null)).isEmpty();
    }

    @Test
    void theReportPrintsBudgetsAsTheirOwnClassAndAddsThemToTheJson() throws Exception {
        EvalReport report = new EvalReport();
        report.addBudget(BudgetDocument.of("a.pdf", budgetExport()).orElseThrow());
        report.addBudget(BudgetDocument.of("b.pdf", budgetExport()).orElseThrow());
        List<String> lines = report.lines(0, 0);
        assertThat(lines).anyMatch(l -> l.startsWith("budget documents"));
        assertThat(lines).anyMatch(l -> l.startsWith("a.pdf") && l.contains("2/3") && l.contains("66.67%"));
        assertThat(lines).anyMatch(l -> l.startsWith("TOTAL (2 budget documents)") && l.contains("4/6"));
        JsonNode json = Exports.MAPPER.readTree(lines.get(lines.size() - 1));
        JsonNode b = json.path("budgets");
        assertThat(List.of(b.path("documents").asInt(), b.path("tables_recognised").asInt(), b.path("tables_unknown").asInt(),
                b.path("rows").asInt(), b.path("rows_accepted").asInt(), b.path("unknown_rows").asInt()))
                .containsExactly(2, 4, 2, 6, 4, 6);
        assertThat(b.path("tables_by_schema").path("budget_income").asInt()).isEqualTo(2);
        // the contract keys stay first: budgets come after them
        assertThat(json.fieldNames().next()).isEqualTo("documents");
    }

    /**
     * A real Jiangsu budget PDF (used in place through a link; skipped when absent) through the running
     * service: no truth file, no error; its forms counted, every row accepted (its 政府采购 table's lines either side
     * of the p16/p17 break too: RealBudgetsTest.linesOnEitherSideOfAPageBreakStayApartInOrder), no table unknown.
     */
    @Test
    void aRealBudgetGoesThroughTheServiceIntoItsOwnClass() throws Exception {
        Path pdf = Path.of("..", "shared", "external", "open-budget_jiangsu", "江苏省高级人民法院", "江苏省高级人民法院2019年度部门预算公开.pdf");
        assumeTrue(Files.isRegularFile(pdf), "test document not present: " + pdf);
        Path inputs = Files.createTempDirectory("eval-budget-in-");
        Path truth = Files.createTempDirectory("eval-budget-truth-");
        try {
            Files.createSymbolicLink(inputs.resolve("gy2019.pdf"), pdf.toAbsolutePath());
            EvalReport report = EvalRun.run(inputs, truth, false, "unlabelled").report();
            assertThat(report.errors()).isEmpty();
            assertThat(report.budgets()).hasSize(1);
            BudgetDocument b = report.budgets().get(0);
            assertThat(b.fiscalYear()).isEqualTo(2019);
            assertThat(b.tablesBySchema()).containsKeys("budget_income_expenditure_summary", "budget_general_expenditure",
                    "budget_three_public");
            assertThat(b.rows()).isPositive();
            assertThat(b.rowsAccepted()).isEqualTo(b.rows());
            assertThat(b.tablesUnknown()).isZero(); // 收入预算总表, 支出预算总表 and 政府采购预算表 are budget forms
        } finally {
            Files.deleteIfExists(inputs.resolve("gy2019.pdf"));
            Files.deleteIfExists(inputs);
            Files.deleteIfExists(truth);
        }
    }
}

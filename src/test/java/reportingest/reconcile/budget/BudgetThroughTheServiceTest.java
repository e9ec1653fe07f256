package reportingest.reconcile.budget;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.harness.ScratchHome;
import reportingest.harness.ScratchService;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStatus;
import reportingest.store.ExportBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real 单位预算 dropped into a running service (real Camel routes, H2 files): the stored document
 * states its family, level and budget year, and the export gives every form as its budget_* schema
 * with the unit its unit line prints (元, the 三公 table 万元), every row accepted.
 */
class BudgetThroughTheServiceTest {
    private static ScratchService service;
    private static DocumentRecord doc;

    @BeforeAll
    static void dropTheBudget() throws Exception {
        Path p = RealBudgets.require(RealBudgets.OFFICE_UNIT_25);
        service = ScratchService.start(ScratchHome.create("budget-"), Map.of());
        String sha = service.home().drop(p, p.getFileName().toString());
        service.awaitFinished(List.of(sha), Duration.ofMinutes(5));
        doc = service.documents().find(service.original(sha).id()).orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void theDocumentStatesItIsTheUnitBudgetFor2025() {
        assertThat(doc.kind()).isEqualTo("budget");
        assertThat(doc.level()).isEqualTo("单位");
        assertThat(doc.fiscalYear()).isEqualTo(2025);
        assertThat(doc.status()).isEqualTo(DocumentStatus.DONE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportGivesEveryFormWithItsUnit() {
        Map<String, Object> export = new ExportBuilder(service.database(), service.documents()).export(doc.id()).orElseThrow();
        assertThat(export).containsEntry("kind", "budget").containsEntry("level", "单位").containsEntry("fiscalYear", 2025)
                .containsEntry("fiscal_year", 2025).containsEntry("amount_unit", "元");
        List<Map<String, Object>> tables = (List<Map<String, Object>>) export.get("tables");
        assertThat(tables).extracting(t -> t.get("schema")).containsExactly("budget_income_expenditure_summary", "budget_income",
                "budget_expenditure", "budget_fiscal_appropriation_summary", "budget_general_expenditure", "budget_government_fund",
                "budget_state_capital", "budget_general_basic_expenditure", "budget_three_public");
        assertThat(tables).extracting(t -> t.get("unit")).containsExactly("元", "元", "元", "元", "元", "元", "元", "元", "万元");
        for (Map<String, Object> t : tables) {
            assertThat((List<Map<String, Object>>) t.get("rows")).as((String) t.get("schema"))
                    .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("ACCEPTED"));
        }
    }
}

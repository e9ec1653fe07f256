package reportingest.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void holdsTheSchemasOfTheDesign() {
        assertThat(catalog.schemas()).extracting(SchemaDef::id).containsExactly(
                "income_expenditure_summary", "income", "expenditure", "fiscal_appropriation_summary",
                "general_budget_expenditure", "general_budget_basic_expenditure", "three_public_expenses",
                "government_fund", "state_capital", "state_capital_income_expenditure",
                "budget_income_expenditure_summary", "budget_income", "budget_income_by_source", "budget_expenditure", "budget_expenditure_by_use",
                "budget_fiscal_appropriation_summary",
                "budget_fiscal_appropriation_expenditure", "budget_general_expenditure", "budget_general_basic_expenditure",
                "budget_fiscal_appropriation_basic_expenditure", "budget_office_operation", "budget_government_fund",
                "budget_state_capital", "budget_government_procurement", "budget_three_public",
                "performance_basic_data", "performance_self_evaluation");
        assertThat(catalog.byId("three_public_expenses").orElseThrow().columns()).hasSize(12);
        assertThat(catalog.byId("performance_self_evaluation").orElseThrow().financial()).isFalse();
    }

    /** One title, two layouts: the header decides (a code column, or 基本支出 in one row); the coded form first. */
    @Test
    void aTitleTwoFormsPrintIsTheirsInCatalogOrder() {
        assertThat(catalog.matchTitles("公开03表：支出预算总表")).extracting(SchemaDef::id)
                .containsExactly("budget_expenditure", "budget_expenditure_by_use");
        assertThat(catalog.matchTitle("支出预算总表")).map(SchemaDef::id).contains("budget_expenditure");
        assertThat(catalog.matchTitles("一般公共预算支出功能分类预算表")).extracting(SchemaDef::id)
                .containsExactly("budget_general_expenditure");
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
            "收入支出决算总表,income_expenditure_summary",
            "财政拨款收入支出决算总表,fiscal_appropriation_summary",
            "' 财政拨款收入支出决算总表 ',fiscal_appropriation_summary",
            "收 入 决 算 表,income",
            "- 六、一般公共预算财政拨款基本支出决算表,general_budget_basic_expenditure",
            "[bookmark: RANGE!A1:I34]一般公共预算财政拨款基本支出决算明细表,general_budget_basic_expenditure",
            "一般公共预算财政拨款\u201C三公\u201D经费支出决算表,three_public_expenses",
            "财政拨款\"三公\"经费支出决算表,three_public_expenses",
            "公开05表：一般公共预算财政拨款支出决算表,general_budget_expenditure",
            "某某局2030年度支出决算表,expenditure"})
    void titlesMatchDespiteLayoutAndDecorations(String printed, String id) {
        assertThat(catalog.matchTitle(printed)).map(SchemaDef::id).contains(id);
    }

    @ParameterizedTest(name = "''{0}'' is no title")
    @ValueSource(strings = {"一、收入支出决算总体情况说明", "部门决算表", "注：本表反映部门本年度各项支出情况。",
            "详见附表：收入决算表", "项目支出决算表"})
    void proseAndOtherTablesAreNotTitles(String printed) {
        assertThat(catalog.matchTitle(printed)).isEmpty();
    }

    @Test
    void aSchemaAddedToTheDataIsFoundWithoutCode() throws Exception {
        String json = "{\"schemas\":[{\"id\":\"x\",\"title\":\"机关运行经费支出决算表\",\"kind\":\"coded\","
                + "\"columns\":[{\"name\":\"金额\",\"aliases\":[\"金额\"]}]}]}";
        Catalog c = Catalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(c.matchTitle("机关运行经费支出决算表")).map(SchemaDef::id).contains("x");
    }
}

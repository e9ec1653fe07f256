package reportingest.reconcile.performance;

import org.junit.jupiter.api.Test;
import reportingest.layout.Page;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Forms of other departments and years: the same reader, different figures, labels and spacing. */
class PerformanceFormVariantsTest {

    private static List<ExtractedTable> read(String... lines) {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(String.join("\n", lines), pages::add);
        return new PerformanceTableReader().read(pages);
    }

    private static Map<String, String> values(TableRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.cells().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    private static TableRow row(ExtractedTable t, String label) {
        return t.rows().stream().filter(r -> label.equals(r.key().get("label"))).findFirst().orElseThrow();
    }

    @Test
    void basicDataFormOfAnotherYearNestsItsOwnProjectsUnderTheNumberedItem() {
        ExtractedTable t = read(
                "2021 年度部门整体支出绩效评价基础数据表",
                "",
                "财政供养人员情况\t编制数\t\t2021年实际在职人数\t\t控制率\t",
                "\t12\t\t11\t\t91.67%\t",
                "经费控制情况（万元）\t2020年决算数\t\t2021年预算数\t\t2021年决算数\t",
                "三公经费：\t2.50\t\t4\t\t2.50\t",
                "项目支出：\t1,210.5\t\t1,300\t\t1,250.00\t",
                "3、本级专项资金\t1,210.5\t\t1,300\t\t1,250.00\t",
                "道路养护 专项\t1,000\t\t1,100\t\t1,050.00\t",
                "信息化运维\t210.5\t\t200\t\t200\t",
                "公用经费：\t30\t\t31\t\t29\t",
                "其中：办公经费\t20\t\t21\t\t19\t",
                "差旅费\t10\t\t10\t\t10\t",
                "政府采购金额\t5\t\t0\t\t1\t",
                "厉行节约保障措施\t严格执行中央八项规定精神，压减一般性支出。\t\t\t",
                "",
                "填表人：某某").get(0);

        assertThat(t.schema()).isEqualTo("performance_basic_data");
        assertThat(t.title()).isEqualTo("2021 年度部门整体支出绩效评价基础数据表");
        assertThat(row(t, "财政供养人员情况").key()).containsEntry("kind", "staff");
        assertThat(values(row(t, "财政供养人员情况"))).containsEntry("2021年实际在职人数", "11");
        assertThat(values(row(t, "项目支出"))).containsExactly(
                entry("2020年决算数", "1210.5"), entry("2021年预算数", "1300"), entry("2021年决算数", "1250.00"));
        assertThat(row(t, "道路养护专项").key()).containsEntry("parent", "3、本级专项资金")
                .containsEntry("section", "经费控制情况（万元）");
        assertThat(row(t, "信息化运维").key()).containsEntry("parent", "3、本级专项资金");
        assertThat(row(t, "差旅费").key()).containsEntry("parent", "公用经费");
        assertThat(row(t, "政府采购金额").key()).doesNotContainKey("parent");
        assertThat(values(row(t, "厉行节约保障措施"))).containsEntry("内容", "严格执行中央八项规定精神，压减一般性支出。");
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
    }

    @Test
    void selfEvaluationFormFillsMergedIndicatorCellsDownAndClosesAtTheTotal() {
        List<ExtractedTable> tables = read(
                "2024年度 部门整体支出绩效自评表",
                "单位名称\t某某局\t\t\t\t\t\t",
                "资金情况（万元）\t年度资金总额\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
                "\t合 计\t1,500.00\t1,620.40\t1,600.10\t10\t98.75%\t9.88",
                "\t其中：当年财政拨款\t1,500.00\t1,620.40\t\t\t\t",
                "年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t",
                "\t完成年度任务\t\t\t已完成\t\t\t",
                "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
                "\t产出指标\t数量指标\t培训人次\t≥200 人次\t230\t20\t20\t",
                "\t\t\t检查覆盖率\t100%\t96%\t20\t18\t个别单位未覆盖",
                "\t\t质量指标\t合格率\t≥95%\t97%\t20\t20\t",
                "\t效益指标\t社会效益指标\t群众知晓率\t提升\t有提升\t30\t30\t",
                "总分\t\t\t\t\t\t90\t88\t",
                "",
                "填表人：某某");

        assertThat(tables).hasSize(1);
        ExtractedTable t = tables.get(0);
        assertThat(t.schema()).isEqualTo("performance_self_evaluation");
        assertThat(row(t, "合计").key()).containsEntry("kind", "funds").containsEntry("section", "资金情况（万元） / 年度资金总额");
        assertThat(values(row(t, "合计"))).containsEntry("全年预算数", "1620.40").containsEntry("得分", "9.88");
        assertThat(row(t, "其中：当年财政拨款").key()).containsEntry("parent", "合计");
        assertThat(values(row(t, "其中：当年财政拨款"))).containsEntry("全年执行数", null);
        assertThat(values(row(t, "年度总体目标"))).containsEntry("预期目标", "完成年度任务").containsEntry("实际完成情况", "已完成");
        assertThat(values(row(t, "检查覆盖率"))).containsEntry("一级指标", "产出指标").containsEntry("二级指标", "数量指标")
                .containsEntry("得分", "18").containsEntry("偏差原因分析及改进措施", "个别单位未覆盖");
        assertThat(values(row(t, "合格率"))).containsEntry("一级指标", "产出指标");
        assertThat(values(row(t, "总分"))).containsOnlyKeys("分值", "得分");
        assertThat(t.rows()).allMatch(r -> r.status() == RowStatus.ACCEPTED);
    }

    @Test
    void titlesInsideSentencesTablesOfContentsAndAttachmentsAreNotForms() {
        assertThat(read(
                "附件：2022 年度部门整体支出绩效自评表",
                "一、2022年度部门整体支出绩效自评表\t3",
                "根据要求填报了部门整体支出绩效自评表。",
                "2022 年度部门整体支出绩效自评表",
                "",
                "某某单位")).isEmpty();
    }
}

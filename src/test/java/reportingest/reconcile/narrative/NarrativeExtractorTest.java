package reportingest.reconcile.narrative;

import org.junit.jupiter.api.Test;
import reportingest.layout.Page;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.NarrativeFact;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A made-up report of another department and year: wordings, not seed values, drive extraction. */
class NarrativeExtractorTest {
    private static final String REPORT = String.join("\n",
            "第一部分 单位概况",
            "本单位收入合计999万元。",
            "",
            "2025年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2025年度收、支总计2,345.60万元。与上年相比，增加120.5万元，增长",
            "",
            "5.42%，主要是因为人员增加。",
            "二、收入决算情况说明",
            "2025年度收入合计2,345.60万元，其中：财政拨款收入2,000.00万元，占85.27%；事业收入345.6万元，占14.73%。上年收入合计2,225.1万元。",
            "三、支出决算情况说明",
            "2025年度支出合计2,345.60万元，其中：基本支出1,800万元，占76.74%；项目支出545.6万元，占23.26%。",
            "七、财政拨款三公经费支出决算情况说明",
            "（一）“三公”经费财政拨款支出决算总体情况说明",
            "“三公”经费财政拨款支出预算为12万元，支出决算为10.5万元，完成预算的87.5%，与上年相比增加1.2万元，增长12.9%。",
            "九、关于机关运行经费支出说明",
            "本部门2025年度机关运行经费支出88.8万元，比上年决算数增加8.8万元，增长11%。",
            "第四部分 名词解释",
            "1．财政拨款收入：指单位从同级财政部门取得的财政拨款，例如100万元。",
            "2024年度某某局部门整体支出绩效自评报告",
            "一、基本情况",
            "二、一般公共预算支出情况",
            "2024年基本支出 500.5 万元。",
            "附件：2024年度部门整体支出绩效自评表",
            "项目支出\t100\t200");

    private static List<NarrativeFact> extract(String text) {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(text, pages::add);
        return new NarrativeExtractor().extract(pages);
    }

    @Test
    void readsHeadlineFiguresWithScopeAndYear() {
        List<NarrativeFact> facts = extract(REPORT);
        assertThat(facts).extracting(NarrativeFact::figure, NarrativeFact::value, NarrativeFact::scope, NarrativeFact::year)
                .contains(
                        tuple("收支总计", "2345.60", "决算说明", 2025),
                        tuple("收支总计.较上年增加额", "120.5", "决算说明", 2025),
                        tuple("收支总计.较上年增长率", "5.42", "决算说明", 2025),
                        tuple("收入合计", "2345.60", "决算说明", 2025),
                        tuple("财政拨款收入", "2000.00", "决算说明", 2025),
                        tuple("财政拨款收入.占比", "85.27", "决算说明", 2025),
                        tuple("事业收入", "345.6", "决算说明", 2025),
                        tuple("基本支出", "1800", "决算说明", 2025),
                        tuple("项目支出", "545.6", "决算说明", 2025),
                        tuple("三公经费.预算数", "12", "决算说明", 2025),
                        tuple("三公经费.决算数", "10.5", "决算说明", 2025),
                        tuple("三公经费.预算完成率", "87.5", "决算说明", 2025),
                        tuple("三公经费.较上年增加额", "1.2", "决算说明", 2025),
                        tuple("三公经费.较上年增长率", "12.9", "决算说明", 2025),
                        tuple("机关运行经费", "88.8", "决算说明", 2025),
                        tuple("机关运行经费.较上年增加额", "8.8", "决算说明", 2025),
                        tuple("机关运行经费.较上年增长率", "11", "决算说明", 2025),
                        tuple("基本支出", "500.5", "绩效自评报告", 2024));
    }

    @Test
    void ignoresOtherYearsAndTextOutsideTheNarrativeSections() {
        List<NarrativeFact> facts = extract(REPORT);
        assertThat(facts).extracting(NarrativeFact::value).doesNotContain("999", "2225.1", "100", "200");
    }

    @Test
    void quotesJoinWrappedLinesAndKeepThePrintedNumber() {
        NarrativeFact rate = extract(REPORT).stream().filter(f -> f.figure().equals("收支总计.较上年增长率"))
                .findFirst().orElseThrow();
        assertThat(rate.quote()).isEqualTo("与上年相比，增加120.5万元，增长5.42%");
        assertThat(rate.unit()).isEqualTo("%");
        assertThat(rate.lineNo()).isEqualTo(8);
        assertThat(rate.section()).isEqualTo("一、收入支出决算总体情况说明");
        NarrativeFact total = extract(REPORT).stream().filter(f -> f.figure().equals("收支总计"))
                .findFirst().orElseThrow();
        assertThat(total.quote()).isEqualTo("2025年度收、支总计2,345.60万元");
    }

    @Test
    void catalogLoadsAndEveryRuleHasFacts() {
        NarrativeCatalog c = NarrativeCatalog.load();
        assertThat(c.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.facts()).isNotEmpty());
    }
}

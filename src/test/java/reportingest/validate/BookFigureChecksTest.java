package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.reconcile.DocumentFamily;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.fin.Cells;
import reportingest.reconcile.fin.UnknownTableReader;
import reportingest.reconcile.narrative.NarrativeExtractor;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A government book's 说明 beside its 明细表 (the small table of {@link DerivedIdentitiesTest}: 行政运行 under 人大事务 and
 * under 政协事务), printed as the Beijing books print it (full-width digits, １􀆰 with a private glyph for the dot): each
 * 决算数 figure is read with the numbered lines it stands under and checked against the cell of that row in the 决算数
 * columns; a figure no column of its group holds is flagged, a row the table does not print is no claim.
 */
class BookFigureChecksTest {
    private static final String[] EXPLANATION = {
            "说明二（之一）    关于２０２２年市级一般公共预算支出决算情况的说明",
            "二、预算支出的具体科目情况",
            "１\uDBC0\uDDB0 一般公共服务支出",
            "２０２２年一般公共服务支出决算数为２２０万元，比２０２２年调整预算增加２０万元。其中：",
            "（１）人大事务决算数为１３０万元，比２０２２年调整预算增加１０万元。其中：",
            "①行政运行决算数为８５万元，比２０２２年调整预算增加５万元。",
            "（２）政协事务决算数为９０万元。其中：",
            "①行政运行决算数为９１万元，比２０２２年调整预算增加１１万元。",
            "２\uDBC0\uDDB0 教育支出",
            "２０２２年教育支出决算数为４０万元。其中：小学教育决算数为４０万元。",
            "（１）文化支出决算数为５万元。",
    };

    private static List<Page> pages() {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < EXPLANATION.length; i++) {
            lines.add(new TextLine(i + 1, List.of(new Word(EXPLANATION[i], new BBox(50, 50 + 20 * i, 500, 12), 100.0))));
        }
        return List.of(new Page(37, 595, 842, PageOrigin.TEXT_LAYER, lines, List.of()));
    }

    @Test
    void figuresOfTheExplanationAgainstTheCellsTheyName() {
        List<NarrativeFact> facts = new NarrativeExtractor().extract(pages(), 2022, DocumentFamily.GOVERNMENT_FINAL_ACCOUNTS);
        assertThat(facts.stream().map(NarrativeFact::figure).toList()).containsExactly(
                "预算支出的具体科目情况/一般公共服务支出.决算数",
                "预算支出的具体科目情况/一般公共服务支出/人大事务.决算数",
                "预算支出的具体科目情况/一般公共服务支出/人大事务/行政运行.决算数",
                "预算支出的具体科目情况/一般公共服务支出/政协事务.决算数",
                "预算支出的具体科目情况/一般公共服务支出/政协事务/行政运行.决算数",
                "预算支出的具体科目情况/教育支出.决算数",
                "预算支出的具体科目情况/教育支出/小学教育.决算数",
                "预算支出的具体科目情况/教育支出/文化支出.决算数");
        assertThat(facts.stream().map(NarrativeFact::value).toList()).containsExactly("220", "130", "85", "90", "91", "40", "40", "5");

        Flag unknown = Flag.of(Cells.SCHEMA_UNKNOWN, "no form");
        ExtractedTable t = UnknownTableReader.read(DerivedIdentitiesTest.table(DerivedIdentitiesTest.BODY), unknown).withUnit("万元");
        Validation v = new Validator(Catalog.load()).validate(new ExtractedDocument(null, 2022, "万元", List.of(t), facts, List.of()), List.of());
        List<Outcome> book = v.outcomes().stream().filter(o -> o.check().id().startsWith("narr/book/")).toList();
        // 文化支出 is no row of the table: no claim; the other seven each against one cell
        assertThat(book).hasSize(7);
        assertThat(book.stream().filter(Outcome::holds).map(o -> o.check().terms().get(0).label()).toList()).containsExactly(
                "一般公共服务支出 2022年决算数/经费支出", "人大事务 2022年决算数/小计", "行政运行 2022年决算数/小计",
                "政协事务 2022年决算数/经费支出", "教育支出 2022年决算数/小计", "小学教育 2022年决算数/小计");
        // 行政运行 under 政协事务 prints 200 | 90 | 110: the text's 91 is none of them
        List<Outcome> failing = book.stream().filter(o -> !o.holds()).toList();
        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).message()).contains("“行政运行决算数为91万元”) 91 ≠ 行政运行 2022年决算数/小计 200");
        assertThat(v.document().flags().stream().map(Flag::code)).contains(NarrativeIdentities.NARRATIVE_MISMATCH);
    }
}

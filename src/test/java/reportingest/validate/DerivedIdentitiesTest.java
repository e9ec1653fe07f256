package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.Cells;
import reportingest.reconcile.fin.RowOutline;
import reportingest.reconcile.fin.UnknownTableReader;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small 明细表 no catalog form names, built by hand: no codes, 类/款/项 told by indentation alone (a centred 合计
 * line), a two-level header (调整预算数 / 决算数 over 小计 · 经费支出 · 基本建设) and a percent column naming two of its
 * columns. The levels come from the indentation; the identities from the levels and the header (合计 = Σ类, 类 = Σ款,
 * 款 = Σ项, 小计 = 经费支出 + 基本建设, 经费支出决算数为调整预算数％ = 决算数/经费支出 ÷ 调整预算数/经费支出); a figure
 * that breaks them is flagged, and a figure they confirm is not.
 */
class DerivedIdentitiesTest {
    private static final double CENTRED = 137, CLASS = 100, ITEM = 114, SUB = 121;

    /** label, x, then 调整预算数 小计 经费支出 基本建设, 决算数 小计 经费支出 基本建设, percent ("" = blank). */
    static final String[][] BODY = {
            {"一般公共预算支出合计", "" + CENTRED, "350", "250", "100", "370", "260", "110", "104.0"},
            {"一般公共服务支出", "" + CLASS, "300", "200", "100", "330", "220", "110", "110.0"},
            {"人大事务", "" + ITEM, "120", "120", "", "130", "130", "", "108.3"},
            {"行政运行", "" + SUB, "80", "80", "", "85", "85", "", "106.3"},
            {"事业运行", "" + SUB, "40", "40", "", "45", "45", "", "112.5"},
            {"政协事务", "" + ITEM, "180", "80", "100", "200", "90", "110", "112.5"},
            {"行政运行", "" + SUB, "180", "80", "100", "200", "90", "110", "112.5"},
            {"教育支出", "" + CLASS, "50", "50", "", "40", "40", "", "80.0"},
            {"普通教育", "" + ITEM, "50", "50", "", "40", "40", "", "80.0"},
            {"小学教育", "" + SUB, "50", "50", "", "40", "40", "", "80.0"},
    };

    private static RawCell cell(String text, double x, double y) {
        return new RawCell(text, 1, new BBox(x, y, 40, 6), 100.0, PageOrigin.TEXT_LAYER);
    }

    static RawTable table(String[][] body) {
        List<RawRow> rows = new ArrayList<>();
        double[] xs = {250, 300, 350, 400, 450, 500, 550};
        rows.add(new RawRow(List.of(cell("项目", 150, 100), cell("2022年调整预算数", xs[0], 100), cell("", xs[1], 100), cell("", xs[2], 100),
                cell("2022年决算数", xs[3], 100), cell("", xs[4], 100), cell("", xs[5], 100), cell("经费支出决算数为调整预算数％", xs[6], 100))));
        rows.add(new RawRow(List.of(cell("", 100, 110), cell("小计", xs[0], 110), cell("经费支出", xs[1], 110), cell("基本建设", xs[2], 110),
                cell("小计", xs[3], 110), cell("经费支出", xs[4], 110), cell("基本建设", xs[5], 110), cell("", xs[6], 110))));
        double y = 130;
        for (String[] r : body) {
            List<RawCell> cells = new ArrayList<>();
            cells.add(cell(r[0], Double.parseDouble(r[1]), y));
            for (int c = 2; c < r.length; c++) cells.add(cell(r[c], xs[c - 2], y));
            rows.add(new RawRow(cells));
            y += 14;
        }
        return new RawTable("2022年市级一般公共预算支出决算情况明细表", "表二（之一）", List.of("单位：万元"), rows, 1, 1, false);
    }

    private static Validation validate(String[][] body) {
        Flag unknown = Flag.of(Cells.SCHEMA_UNKNOWN, "no form");
        ExtractedTable t = UnknownTableReader.read(table(body), unknown).withUnit("万元");
        return new Validator(Catalog.load()).validate(new ExtractedDocument(null, 2022, "万元", List.of(t), List.of(), List.of()), List.of());
    }

    @Test
    void levelsFromIndentationAndIdentitiesFromLevelsAndHeader() {
        Validation v = validate(BODY);
        ExtractedTable t = v.document().tables().get(0);
        assertThat(t.rows().stream().map(r -> r.key().get("level")).toList()).containsExactly(0, 1, 2, 3, 3, 2, 3, 1, 2, 3);
        List<String> checks = v.outcomes().stream().map(o -> o.check().description()).toList();
        // 合计 = Σ类, 类 = Σ款, 款 = Σ项, in each of the six amount columns
        assertThat(checks).anyMatch(d -> d.contains("一般公共预算支出合计 2022年决算数/经费支出 = Σ the 2 lines"));
        assertThat(checks).anyMatch(d -> d.contains("一般公共服务支出 2022年调整预算数/小计 = Σ the 2 lines"));
        assertThat(checks).anyMatch(d -> d.contains("人大事务 2022年决算数/经费支出 = Σ the 2 lines"));
        assertThat(checks).anyMatch(d -> d.contains("row 政协事务: 2022年决算数/小计 = Σ 2022年决算数/经费支出 + 2022年决算数/基本建设"));
        assertThat(checks).anyMatch(d -> d.contains("row 人大事务: 经费支出决算数为调整预算数％ = 2022年决算数/经费支出 / 2022年调整预算数/经费支出"));
        assertThat(v.outcomes()).noneMatch(o -> o.check().description().contains("percent") && o.check().kind() == Check.Kind.SUM);
        assertThat(v.outcomes().stream().filter(o -> !o.holds()).map(Outcome::message).toList()).isEmpty();
        assertThat(v.outcomes().size()).isGreaterThan(50);
    }

    @Test
    void aFigureTheIdentitiesBreakIsFlagged() {
        String[][] body = BODY.clone();
        // 45 misread as 75 in both its columns (the row's own 小计 = 经费支出 + 基本建设 still holds; a difference of 1 would
        // be within the rounding of whole 万元 figures)
        body[4] = new String[]{"事业运行", "" + SUB, "40", "40", "", "75", "75", "", "112.5"};
        Validation v = validate(body);
        ExtractedTable t = v.document().tables().get(0);
        CellValue wrong = t.rows().get(4).cells().get("2022年决算数/经费支出");
        assertThat(wrong.flags().stream().map(Flag::code)).contains("HIERARCHY_SUM_MISMATCH");
        assertThat(t.rows().get(4).cells().get("经费支出决算数为调整预算数％").flags().stream().map(Flag::code)).contains("ROW_SUM_MISMATCH");
        // 人大事务 = Σ its 项 and the percent printed for 45 / 40 both break
        assertThat(v.failures().stream().map(o -> o.check().kind())).contains(Check.Kind.RATIO, Check.Kind.SUM);
        TableRow other = t.rows().get(7);
        assertThat(other.cells().get("2022年决算数/经费支出").flags().stream().map(Flag::code))
                .doesNotContain("HIERARCHY_SUM_MISMATCH", "ROW_SUM_MISMATCH");
    }

    @Test
    void levelsFromSuffixesAndFromSubjectNamesWhereNothingIsIndented() {
        List<RowOutline.Line> suffixed = List.of(new RowOutline.Line("合计", null, null),
                new RowOutline.Line("国有资本经营预算支出（类）", null, 10.0), new RowOutline.Line("国有企业政策性补贴(款)", null, 10.0),
                new RowOutline.Line("其他国有资本经营预算支出（项）", null, 10.0), new RowOutline.Line("其中：某项", null, 10.0));
        assertThat(RowOutline.levels(suffixed, Map.of())).containsExactly(0, 1, 2, 3, 4);
        Map<String, Set<Integer>> names = Map.of("一般公共服务支出", Set.of(1), "人大事务", Set.of(2), "行政运行", Set.of(3));
        List<RowOutline.Line> flush = List.of(new RowOutline.Line("一般公共服务支出", null, 50.0),
                new RowOutline.Line("人大事务", null, 50.0), new RowOutline.Line("行政运行", null, 50.0));
        assertThat(RowOutline.levels(flush, names)).containsExactly(1, 2, 3);
        assertThat(RowOutline.levels(flush, Map.of())).containsExactly(null, null, null);
    }
}

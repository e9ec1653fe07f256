package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unruled table whose codes are printed left-aligned under a header centred over a wider cell: the words of
 * Chromium's print of 一般公共预算财政拨款支出决算表 in AR PL UMing (landscape, 9 pt), whose figures are half an em
 * wide, so 2040601 (54.0 to 85.5) ends short of 科目编码 (91.4 to 127.4). The header went to an empty column of its
 * own and the codes had none: every row label of the table was misread. In WenQuanYi, whose figures are wider, the
 * codes reach under the header and the table read right.
 */
class UnruledCodeColumnTest {
    private static Word w(String text, double x0, double x1, double y) {
        return new Word(text, new BBox(x0, y, x1 - x0, 9.0), 100.0);
    }

    private static TextLine row(int n, double y, String code, double codeRight, String name, double nameRight,
                                String total, String basic, String project) {
        List<Word> ws = new ArrayList<>();
        if (code != null) ws.add(w(code, 54.0, codeRight, y));
        ws.add(w(name, code == null ? 248.3 : 170.8, nameRight, y));
        ws.add(w(total, 569.5 - 4.5 * total.length(), 569.5, y));
        if (basic != null) ws.add(w(basic, 678.5 - 4.5 * basic.length(), 678.5, y));
        if (project != null) ws.add(w(project, 787.5 - 4.5 * project.length(), 787.5, y));
        return new TextLine(n, ws);
    }

    @Test
    void leftAlignedCodesTakeTheHeaderCentredRightOfThem() {
        List<TextLine> lines = List.of(
                new TextLine(1, List.of(w("项目", 248.3, 266.3, 113.1), w("本年支出", 609.0, 645.0, 113.1))),
                new TextLine(2, List.of(w("科目编码", 91.4, 127.4, 130.3), w("科目名称", 297.7, 333.7, 130.3),
                        w("小计", 509.0, 527.0, 130.3), w("基本支出", 609.0, 645.0, 130.3), w("项目支出", 718.0, 754.0, 130.3))),
                row(3, 147.6, null, 0, "合计", 266.3, "1,486.98", "907.86", "579.12"),
                row(4, 164.8, "204", 67.5, "公共安全支出", 224.8, "1,039.75", "460.63", "579.12"),
                row(5, 182.1, "20406", 76.5, "司法", 188.8, "1,039.75", "460.63", "579.12"),
                row(6, 199.3, "2040601", 85.5, "行政运行", 206.8, "460.63", "460.63", null),
                row(7, 216.6, "2040605", 85.5, "普法宣传", 206.8, "193.89", null, "193.89"),
                row(8, 251.1, "208", 67.5, "社会保障和就业支出", 251.8, "202.65", "202.65", null),
                row(9, 268.4, "20805", 76.5, "行政事业单位养老支出", 260.8, "196.65", "196.65", null),
                row(10, 285.6, "2080505", 85.5, "机关事业单位基本养老保险缴费支出", 314.8, "116.35", "116.35", null));
        Page page = new Page(9, 841.92, 594.96, PageOrigin.TEXT_LAYER, lines, List.of());

        Fragment f = WhitespaceGrid.build(page, lines);

        assertThat(f).isNotNull();
        int codeColumn = -1;
        for (RawRow r : f.rows()) {
            for (int j = 0; j < r.cells().size(); j++) if (r.cells().get(j).text().equals("2040601")) codeColumn = j;
        }
        assertThat(codeColumn).isGreaterThanOrEqualTo(0);
        List<String> codeHeader = new ArrayList<>();
        for (RawRow r : f.rows().subList(0, 2)) codeHeader.add(r.cells().get(codeColumn).text());
        assertThat(codeHeader).contains("科目编码");
        // no column prints nothing at all
        for (int j = 0; j < f.rows().get(0).cells().size(); j++) {
            int col = j;
            assertThat(f.rows().stream().map(r -> r.cells().get(col)).map(RawCell::text).anyMatch(t -> !t.isBlank()))
                    .as("column %d", j).isTrue();
        }
    }
}

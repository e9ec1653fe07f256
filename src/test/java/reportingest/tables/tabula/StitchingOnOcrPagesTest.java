package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.Ruling;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.tables.tabula.RealPdfs.filled;

/**
 * Pages as an OCR engine hands them over (words with boxes and confidences, detected rulings, no
 * PDF behind them): a ruled table whose second page starts with 续表, repeats the header and
 * finishes a row cut by the page break.
 */
class StitchingOnOcrPagesTest {
    private static final double[] XS = {50, 150, 300, 400};
    private static final double ROW = 20;
    private static final double TOP = 100;

    @Test
    void continuedTableIsOneTableWithoutRepeatedHeaderAndWithTheCutRowJoined() {
        Page p1 = page(1, List.of(line(30, 200, "测试部门决算表", 16), line(70, 340, "单位：万元", 10)), List.of(
                row("科目编码", "科目名称", "金额"),
                row("201", "一般公共服务支出", "10.00"),
                row("20101", "人大事务", "5.00"),
                row("2010101", "行政运行（上", "")));
        Page p2 = page(2, List.of(line(70, 50, "续表", 10)), List.of(
                row("科目编码", "科目名称", "金额"),
                row("", "半部分）", "5.00"),
                row("202", "外交支出", "1.00")));

        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(p1, p2));

        assertThat(tables).hasSize(1);
        RawTable t = tables.get(0);
        assertThat(t.title()).isEqualTo("测试部门决算表");
        assertThat(t.context()).containsExactly("单位：万元");
        assertThat(t.continued()).isTrue();
        assertThat(t.pageFrom()).isEqualTo(1);
        assertThat(t.pageTo()).isEqualTo(2);
        assertThat(t.rows()).extracting(r -> filled(r)).containsExactly(
                List.of("科目编码", "科目名称", "金额"),
                List.of("201", "一般公共服务支出", "10.00"),
                List.of("20101", "人大事务", "5.00"),
                List.of("2010101", "行政运行（上半部分）", "5.00"),
                List.of("202", "外交支出", "1.00"));
        assertThat(t.rows().get(3).cells().get(2).page()).isEqualTo(2);
        assertThat(t.rows().get(1).cells().get(1).confidence()).isEqualTo(88.0);
        assertThat(t.rows().get(1).cells().get(1).origin()).isEqualTo(PageOrigin.OCR);
    }

    @Test
    void aNewTitleOnTheNextPageStartsANewTable() {
        Page p1 = page(1, List.of(line(30, 200, "第一张表", 16)), List.of(row("编码", "名称", "金额"), row("201", "甲", "1.00")));
        Page p2 = page(2, List.of(line(30, 200, "第二张表", 16)), List.of(row("编码", "名称", "金额"), row("202", "乙", "2.00")));
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(p1, p2));
        assertThat(tables).extracting(RawTable::title).containsExactly("第一张表", "第二张表");
        assertThat(tables).noneMatch(RawTable::continued);
    }

    private static String[] row(String... cells) { return cells; }

    private static TextLine line(double y, double x, String text, double h) {
        return new TextLine(0, List.of(new Word(text, new BBox(x, y, text.length() * h, h), 88.0)));
    }

    /** A ruled grid with one line per row; caption lines come first (above the grid). */
    private static Page page(int number, List<TextLine> captions, List<String[]> rows) {
        List<TextLine> lines = new ArrayList<>(captions);
        for (int i = 0; i < rows.size(); i++) {
            List<Word> words = new ArrayList<>();
            for (int j = 0; j < rows.get(i).length; j++) {
                String s = rows.get(i)[j];
                if (s.isEmpty()) continue;
                words.add(new Word(s, new BBox(XS[j] + 4, TOP + i * ROW + 5, Math.min(s.length() * 10, XS[j + 1] - XS[j] - 8), 10), 88.0));
            }
            lines.add(new TextLine(lines.size() + 1, words));
        }
        List<Ruling> rulings = new ArrayList<>();
        double bottom = TOP + rows.size() * ROW;
        for (int i = 0; i <= rows.size(); i++) rulings.add(new Ruling(XS[0], TOP + i * ROW, XS[XS.length - 1], TOP + i * ROW));
        for (double x : XS) rulings.add(new Ruling(x, TOP, x, bottom));
        return new Page(number, 595, 842, PageOrigin.OCR, lines, rulings);
    }
}

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

    @Test
    void aFormNumberReadAsSeveralWordsIsTheFormNumberNotTheTitle() {
        TextLine form = new TextLine(0, List.of(
                new Word("公开", new BBox(300, 30, 20, 10), 96.0),
                new Word("03", new BBox(320, 30, 10, 10), 92.0),
                new Word("表", new BBox(331, 30, 10, 10), 79.0)));
        Page p = page(1, List.of(form, line(60, 150, "支出决算表", 16)),
                List.of(row("编码", "名称", "金额"), row("201", "甲", "1.00")));

        RawTable t = new TabulaTableRecognizer().recognize(List.of(p)).get(0);

        assertThat(t.title()).isEqualTo("支出决算表");
        assertThat(t.formNo()).isEqualTo("公开03表");
    }

    /**
     * A scanned page whose top holds the rest of the previous page's table (no title, no header)
     * and, below it, the next table with its own form number, title and header.
     */
    @Test
    void continuationWithoutHeaderOnAScannedPageIsStitchedAndTheNextTableOnThatPageStaysApart() {
        Page p1 = page(1, List.of(line(30, 200, "收入决算表", 16)), List.of(
                row("科目编码", "科目名称", "金额"),
                row("合计", "", "6.00"),
                row("201", "一般公共服务支出", "5.00")));
        List<TextLine> lines = new ArrayList<>();
        List<Ruling> rulings = new ArrayList<>();
        grid(lines, rulings, 60, List.of(row("208", "社会保障和就业支出", "1.00"), row("20805", "养老支出", "1.00")));
        lines.add(line(120, 330, "公开03表", 10));
        lines.add(line(140, 190, "支出决算表", 16));
        lines.add(line(165, 50, "部门：测试局", 10));
        grid(lines, rulings, 180, List.of(row("科目编码", "科目名称", "金额"), row("合计", "", "6.00")));
        Page p2 = new Page(2, 595, 842, PageOrigin.OCR, lines, rulings);

        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(p1, p2));

        assertThat(tables).extracting(RawTable::title).containsExactly("收入决算表", "支出决算表");
        RawTable income = tables.get(0);
        assertThat(income.continued()).isTrue();
        assertThat(income.pageTo()).isEqualTo(2);
        assertThat(income.rows()).extracting(r -> filled(r)).containsExactly(
                List.of("科目编码", "科目名称", "金额"),
                List.of("合计", "6.00"),
                List.of("201", "一般公共服务支出", "5.00"),
                List.of("208", "社会保障和就业支出", "1.00"),
                List.of("20805", "养老支出", "1.00"));
        RawTable next = tables.get(1);
        assertThat(next.formNo()).isEqualTo("公开03表");
        assertThat(next.continued()).isFalse();
        assertThat(next.pageFrom()).isEqualTo(2);
        assertThat(next.rows()).hasSize(2);
    }

    private static String[] row(String... cells) { return cells; }

    /** Adds a ruled grid whose top is at {@code top}, one text line per row. */
    private static void grid(List<TextLine> lines, List<Ruling> rulings, double top, List<String[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            List<Word> words = new ArrayList<>();
            for (int j = 0; j < rows.get(i).length; j++) {
                String s = rows.get(i)[j];
                if (s.isEmpty()) continue;
                words.add(new Word(s, new BBox(XS[j] + 4, top + i * ROW + 5, Math.min(s.length() * 10, XS[j + 1] - XS[j] - 8), 10), 88.0));
            }
            lines.add(new TextLine(lines.size() + 1, words));
        }
        double bottom = top + rows.size() * ROW;
        for (int i = 0; i <= rows.size(); i++) rulings.add(new Ruling(XS[0], top + i * ROW, XS[XS.length - 1], top + i * ROW));
        for (double x : XS) rulings.add(new Ruling(x, top, x, bottom));
    }

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

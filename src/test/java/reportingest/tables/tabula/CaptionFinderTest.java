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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caption of a table on a page built line by line, with the boxes Tesseract gives an ABBYY scan (issue #21's c01,
 * p68 and p73): a two-line title whose lines' boxes differ in height, a form number, a unit line with its colon or
 * its label misread; and the lines a title must not take in.
 */
class CaptionFinderTest {
    private static final BBox TABLE = new BBox(70.75, 197.16, 453.46, 542.17);

    /** One word per listed text, laid left to right from x at the given pitch, all the given height. */
    private static TextLine line(int no, double x, double y, double pitch, double height, String... words) {
        List<Word> ws = new ArrayList<>();
        for (String w : words) {
            double width = pitch * w.codePoints().mapToDouble(cp -> Character.isIdeographic(cp) ? 1 : 0.5).sum();
            ws.add(new Word(w, new BBox(x, y, width, height), 90));
            x += width;
        }
        return new TextLine(no, ws);
    }

    /** p68's title lines as read: the first 19 points high, the second 27 to 41 points (strokes touching below). */
    private static List<TextLine> p68Title(double y) {
        TextLine first = line(2, 95.3, y, 20.2, 19, "2021", "年", "济南", "新", "旧", "动", "能", "转换", "起", "步", "区", "一", "般", "公", "共", "预", "算");
        List<Word> second = List.of(new Word("支出", new BBox(221.8, y + 18, 40, 27), 90), new Word("决算", new BBox(262, y + 16, 40, 41), 90),
                new Word("草案", new BBox(302, y + 18, 40, 27), 90), new Word("表", new BBox(347, y + 26, 20, 18), 90));
        return List.of(first, new TextLine(3, second));
    }

    private static TextLine unitLine(String... words) {
        return line(4, 466.6, 184.1, 13, 14, words);
    }

    private static Page page(PageOrigin origin, List<TextLine> lines) {
        List<TextLine> all = new ArrayList<>(lines);
        all.add(line(9, 77.5, 200.4, 10, 10, "项", "目"));
        all.add(line(10, 77.5, 219.6, 10, 10, "一般公共服务支出"));
        all.add(line(10, 480, 219.6, 10, 10, "26329"));
        return new Page(68, 595.2, 841.68, origin, all, List.of());
    }

    private static Fragment table() {
        RawRow head = new RawRow(List.of(new RawCell("项目", 68, new BBox(77.5, 200.4, 20, 10), 90, PageOrigin.OCR),
                new RawCell("2021年决算数", 68, new BBox(440, 200.4, 60, 10), 90, PageOrigin.OCR)));
        RawRow body = new RawRow(List.of(new RawCell("一般公共服务支出", 68, new BBox(77.5, 219.6, 80, 10), 90, PageOrigin.OCR),
                new RawCell("26329", 68, new BBox(480, 219.6, 25, 10), 90, PageOrigin.OCR)));
        return new Fragment(68, TABLE, List.of(70.75, 400.0, 524.2), List.of(head, body), Caption.NONE, false, true, true);
    }

    private static Caption caption(Page page, Set<String> running) {
        return new CaptionFinder(running).caption(page, List.of(table())).get(0).caption();
    }

    private static List<TextLine> with(TextLine first, List<TextLine> rest) {
        List<TextLine> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    @Test
    void anOcrdTwoLineTitleIsReadWholeThoughItsLinesBoxesDifferInHeight() {
        List<TextLine> lines = with(line(1, 77.5, 93.8, 14, 14, "表", "47"), p68Title(122.6));
        lines.add(unitLine("单位", "，", "万", "元"));
        Caption c = caption(page(PageOrigin.OCR, lines), Set.of());
        assertThat(c.title()).isEqualTo("2021年济南新旧动能转换起步区一般公共预算支出决算草案表");
        assertThat(c.formNo()).isEqualTo("表47");
        assertThat(c.context()).containsExactly("单位，万元");
    }

    @Test
    void aTitlesFirstLinePrintedOverSeveralFormsIsNoRunningHeadUnderAFormNumber() {
        String repeated = CaptionText.compact("2021年济南新旧动能转换起步区一般公共预算");
        List<TextLine> lines = with(line(1, 77.5, 93.8, 14, 14, "表", "47"), p68Title(122.6));
        assertThat(caption(page(PageOrigin.OCR, lines), Set.of(repeated)).title())
                .isEqualTo("2021年济南新旧动能转换起步区一般公共预算支出决算草案表");
        // atop the page, nothing over it, the same text is the book's running head: never a title's line
        assertThat(caption(page(PageOrigin.OCR, p68Title(122.6)), Set.of(repeated)).title()).isEqualTo("支出决算草案表");
    }

    @Test
    void aBornDigitalTitleKeepsItsExactSizeRule() {
        // a text layer gives the font's size: lines 19 and 27 points high are two sizes, not one title
        List<TextLine> lines = with(line(1, 77.5, 93.8, 14, 14, "表", "47"), p68Title(122.6));
        assertThat(caption(page(PageOrigin.TEXT_LAYER, lines), Set.of()).title()).isEqualTo("支出决算草案表");
    }

    @Test
    void aTitleTakesInNoUnitFormNumberSentenceOrOffCentreLine() {
        TextLine title = line(3, 227.8, 148, 20, 19, "收入", "决算", "草案", "表");
        // a sentence of the 说明 centred over the table, its glyphs the title's size
        TextLine sentence = line(2, 187.8, 125, 20, 19, "收入", "决算", "数", "为", "16223", "万元", "。");
        assertThat(caption(page(PageOrigin.OCR, List.of(sentence, title)), Set.of()).title()).isEqualTo("收入决算草案表");
        // a row's label with its amount
        TextLine row = line(2, 207.8, 125, 20, 19, "税收", "收入", "283668");
        assertThat(caption(page(PageOrigin.OCR, List.of(row, title)), Set.of()).title()).isEqualTo("收入决算草案表");
        // a subtitle flush left, not on the title's axis
        TextLine left = line(2, 77.5, 125, 20, 19, "济南", "市", "财政", "局");
        assertThat(caption(page(PageOrigin.OCR, List.of(left, title)), Set.of()).title()).isEqualTo("收入决算草案表");
        // a form number as its own line, and a unit line, are the caption's form number and context
        Caption c = caption(page(PageOrigin.OCR, List.of(line(1, 257.8, 125, 14, 19, "表", "63"), title,
                line(4, 250, 170, 20, 19, "单位", ":", "万元"))), Set.of());
        assertThat(c.title()).isEqualTo("收入决算草案表");
        assertThat(c.formNo()).isEqualTo("表63");
    }

    @Test
    void aUnitLineIsNeverATitle() {
        // no line ends in 表 (OCR read 表 as 〈 or lost it): the larger line nearest the table is the title, never
        // the unit line below it, however OCR read its label
        TextLine title = line(3, 158.4, 150, 20, 19, "草案", "〈", "含", "省", "对", "区", "县", "转移", "支付", ")");
        for (String[] unit : List.of(new String[] {"单位", ";万", "元"}, new String[] {"单位", "万元"}, new String[] {"MA", ":", "万元"})) {
            TextLine u = line(4, 100, 170, 15, 16, unit);
            Caption c = caption(page(PageOrigin.OCR, List.of(title, u)), Set.of());
            assertThat(c.title()).as(String.join("", unit)).startsWith("草案");
        }
    }

    @Test
    void aUnitLineWhoseLabelOcrGarbledIsTheUnitLineWhereTheUnitLineStands() {
        TextLine title = line(2, 227.8, 148, 20, 19, "收入", "决算", "草案", "表");
        Caption right = caption(page(PageOrigin.OCR, List.of(title, line(4, 482, 184.1, 14, 14, "MA:", "万", "元"))), Set.of());
        assertThat(right.context()).containsExactly("MA:万元");
        assertThat(right.title()).isEqualTo("收入决算草案表");
        // the same text flush left is no unit line: not in the context (and no title either)
        Caption left = caption(page(PageOrigin.OCR, List.of(title, line(4, 77.5, 184.1, 14, 14, "MA:", "万", "元"))), Set.of());
        assertThat(left.context()).isEmpty();
        assertThat(left.title()).isEqualTo("收入决算草案表");
    }

    @Test
    void aFormNumberWhose表OcrGarbledIsKeptAsReadNotAsTheNumber() {
        TextLine title = line(2, 125.3, 124.8, 20, 19, "2021", "年", "市", "级", "税收", "返还", "及", "转移", "支付", "项", "目", "表");
        for (String[] read : List.of(new String[] {"Fz", "63"}, new String[] {"#91"})) {
            Caption c = caption(page(PageOrigin.OCR, List.of(line(1, 77.5, 93.8, 14, 14, read), title)), Set.of());
            assertThat(c.formNo()).isNull();
            assertThat(c.context()).containsExactly(String.join("", read));
            assertThat(c.title()).isEqualTo("2021年市级税收返还及转移支付项目表");
        }
        // a page number where form numbers stand is no form number
        Caption page = caption(page(PageOrigin.OCR, List.of(line(1, 77.5, 93.8, 14, 14, "—", "94"), title)), Set.of());
        assertThat(page.context()).isEmpty();
        assertThat(page.formNo()).isNull();
    }
}

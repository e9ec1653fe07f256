package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.Ruling;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table continued over two page breaks, and a page that opens a continued table without the rule above its first
 * line (the shapes of the Word exports' 政府采购支出预算表, RealBudgetsTest.linesOnEitherSideOfAPageBreakStayApartInOrder).
 */
class PageBreakStitchTest {

    /**
     * Page 1's grid has a sliver column (two close rules) that pages 2 and 3 lack: page 2's columns go under page 1's
     * by their positions, and page 3's, lined up with page 2's, must go where page 2's went, not to page 2's numbers.
     */
    @Test
    void aThirdPageTakesTheColumnsTheSecondPageTook() {
        List<Double> withSliver = List.of(80.0, 140.0, 363.0, 368.0, 455.0);
        List<Double> without = List.of(80.0, 140.0, 363.0, 455.0);
        Fragment p1 = fragment(1, withSliver, List.of(List.of("合计", "", "", "", "400.00"), List.of("", "物业管理费", "", "", "356.00")));
        Fragment p2 = fragment(2, without, List.of(List.of("", "物业管理服务", "分散自行组织", "36.00")));
        Fragment p3 = fragment(3, without, List.of(List.of("", "物业管理服务", "部门集中采购", "320.00")));
        List<RawTable> tables = Stitcher.stitch(List.of(p1, p2, p3));
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).rows()).extracting(PageBreakStitchTest::text).containsExactly(
                "合计||||400.00", "|物业管理费|||356.00", "|物业管理服务|分散自行组织||36.00", "|物业管理服务|部门集中采购||320.00");
    }

    /** The verticals start at the first line's top, the first rule across them is under it: the line is the table's. */
    @Test
    void aFirstLineWhoseTopRuleIsNotDrawnIsInTheTable() {
        List<Ruling> rulings = new ArrayList<>(frame(70, 84, 98, 200));
        Page page = page(rulings, word("会议费", 225, 72), word("110.05", 508, 72), word("会议服务", 320, 86), word("110.05", 508, 86));
        assertThat(OpenFrames.closing(page)).containsExactly(new Ruling(62, 70, 544, 70));
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).rows().get(0).cells()).extracting(RawCell::text).contains("会议费", "110.05");
    }

    /**
     * The rule under a table's last row drawn left to right with its far end a hair higher (Beijing's 2024 book, pp. 17
     * and 31: y 524.34003 -> 524.33997, the verticals ending at 524.33997) is still a horizontal from left to right:
     * the row it closes stays in the table.
     */
    @Test
    void aBottomRuleRisingByAHairStillClosesTheLastRow() {
        List<Ruling> rulings = new ArrayList<>(frame(70, 84, 98));
        rulings.removeIf(r -> r.horizontal() && r.y1() == 98);
        for (int i = 0; i < 7; i++) if (!rulings.get(i).horizontal()) rulings.set(i, new Ruling(rulings.get(i).x1(), 70, rulings.get(i).x1(), 111.99997));
        rulings.add(new Ruling(62, 98, 544, 98));
        rulings.add(new Ruling(62, 112.00003, 544, 111.99997));
        Page page = page(rulings, word("会议费", 225, 72), word("110.05", 508, 72), word("会议服务", 225, 86), word("110.05", 508, 86),
                word("培训费", 225, 100), word("20.00", 508, 100));
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).rows()).extracting(PageBreakStitchTest::text).anyMatch(t -> t.contains("培训费") && t.contains("20.00"));
    }

    /**
     * A list ruled in parts (Beijing's 附表七/附表八 新增债券使用情况表): its subtotal line (（一）市级项目小计 … 97.00) is
     * printed across the columns without cell rules, so the rulings make a box above it and a box below. The two boxes
     * and the line between are one table, the line a row with its figure in the last column.
     */
    @Test
    void boxesAboveAndBelowASubtotalLineAreOneTable() {
        List<Ruling> rulings = new ArrayList<>(frame(70, 84, 98));
        rulings.addAll(frame(112, 126, 140));
        List<TextLine> lines = new ArrayList<>();
        double[] ys = {72, 86, 101, 114, 128};
        String[][] texts = {{"会议费", "10.00"}, {"培训费", "20.00"}, {"小计", "41.00"}, {"差旅费", "5.00"}, {"印刷费", "6.00"}};
        for (int i = 0; i < ys.length; i++) {
            lines.add(new TextLine(i + 1, List.of(word(texts[i][0], i == 2 ? 70 : 225, ys[i]), word(texts[i][1], 508, ys[i]))));
        }
        Page page = new Page(1, 595, 842, PageOrigin.TEXT_LAYER, lines, rulings);
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).rows()).extracting(PageBreakStitchTest::text).hasSize(5)
                .anyMatch(t -> t.startsWith("小计") && t.endsWith("41.00"));
    }

    /** A rule drawn at the verticals' ends, whole or in pieces, closes the frame; nothing is added. */
    @Test
    void aFrameDrawnAtItsTopIsClosed() {
        List<Ruling> pieces = new ArrayList<>(frame(70, 84, 98, 200));
        pieces.add(new Ruling(62, 70, 70, 70));
        pieces.add(new Ruling(300, 70, 544, 70));
        assertThat(OpenFrames.closing(page(pieces, word("会议费", 225, 72)))).isEmpty();
    }

    /** Column rules that start below a wider frame's rule (the frame's sides run higher) open no frame of their own. */
    @Test
    void columnRulesInsideAWiderFrameAreNoFrame() {
        List<Ruling> rulings = new ArrayList<>();
        rulings.add(new Ruling(54, 130, 576, 130));
        rulings.add(new Ruling(54, 218, 576, 218));
        rulings.add(new Ruling(54, 130, 54, 218));
        rulings.add(new Ruling(576, 130, 576, 218));
        for (double x : new double[] {398, 457, 516}) rulings.add(new Ruling(x, 141, x, 218));
        assertThat(OpenFrames.closing(page(rulings, word("Alberta-CAN", 56, 143)))).isEmpty();
    }

    /** Verticals at 62, 126, 220, 314, 410, 481, 544 from {@code top} to {@code bottom}; rules across at the others. */
    /**
     * A table of contents ends a page with 九、国有资本经营预算财政拨款支出决算表; the next page opens with the rest of a
     * table begun on a page not in the file. A listed title is no title the page break parted from that table.
     */
    @Test
    void theLastLineOfATableOfContentsDoesNotNameTheNextPagesTable() {
        String[] listed = {"一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "八、政府性基金预算财政拨款收入支出决算表",
                "九、国有资本经营预算财政拨款支出决算表"};
        List<TextLine> contents = new ArrayList<>();
        contents.add(new TextLine(1, List.of(word("目录", 280, 80))));
        for (int i = 0; i < listed.length; i++) contents.add(new TextLine(i + 2, List.of(word(listed[i], 90, 120 + 24 * i))));
        Page toc = new Page(1, 595, 842, PageOrigin.TEXT_LAYER, contents, List.of());
        assertThat(new TabulaTableRecognizer().recognize(List.of(toc, openingPage())))
                .extracting(RawTable::title).containsExactly((String) null);
    }

    /** The same page after a page whose foot prints one title: that title names it. */
    @Test
    void aTitleAloneAtThePageFootNamesTheNextPagesTable() {
        Page before = new Page(1, 595, 842, PageOrigin.TEXT_LAYER,
                List.of(new TextLine(1, List.of(word("说明：本表反映部门本年度各项收入情况。", 62, 700))),
                        new TextLine(2, List.of(word("支出决算表", 250, 780)))), List.of());
        assertThat(new TabulaTableRecognizer().recognize(List.of(before, openingPage())))
                .extracting(RawTable::title).containsExactly("支出决算表");
    }

    /** Page 2 of a file, a ruled table at its top and no line above it. */
    private static Page openingPage() {
        List<Ruling> rulings = new ArrayList<>(frame(70, 84, 98));
        List<Word> words = List.of(word("会议费", 225, 72), word("110.05", 508, 72), word("会议服务", 225, 86), word("110.05", 508, 86));
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) lines.add(new TextLine(i + 1, List.of(words.get(i))));
        return new Page(2, 595, 842, PageOrigin.TEXT_LAYER, lines, rulings);
    }

    private static List<Ruling> frame(double top, double... across) {
        List<Ruling> out = new ArrayList<>();
        double bottom = across[across.length - 1];
        for (double x : new double[] {62, 126, 220, 314, 410, 481, 544}) out.add(new Ruling(x, top, x, bottom));
        for (double y : across) out.add(new Ruling(62, y, 544, y));
        return out;
    }

    private static Page page(List<Ruling> rulings, Word... words) {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < words.length; i++) lines.add(new TextLine(i + 1, List.of(words[i])));
        return new Page(1, 595, 842, PageOrigin.TEXT_LAYER, lines, rulings);
    }

    private static Word word(String text, double x, double y) {
        return new Word(text, new BBox(x, y, 10.0 * text.length(), 10), 100.0);
    }

    private static Fragment fragment(int page, List<Double> lefts, List<List<String>> texts) {
        List<RawRow> rows = new ArrayList<>();
        double y = 100;
        double right = 526;
        for (List<String> t : texts) {
            List<RawCell> cells = new ArrayList<>();
            for (int j = 0; j < t.size(); j++) {
                double x0 = lefts.get(j), x1 = j + 1 < lefts.size() ? lefts.get(j + 1) : right;
                cells.add(new RawCell(t.get(j), page, new BBox(x0, y, x1 - x0, 14), 100.0, PageOrigin.TEXT_LAYER));
            }
            rows.add(new RawRow(cells));
            y += 14;
        }
        return new Fragment(page, new BBox(lefts.get(0), 90, right - lefts.get(0), y - 90), lefts, rows, Caption.NONE, true, true, true);
    }

    private static String text(RawRow r) {
        return String.join("|", r.cells().stream().map(RawCell::text).toList());
    }
}

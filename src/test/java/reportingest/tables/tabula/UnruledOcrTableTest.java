package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unruled tables as Tesseract reads them: a word per character or two, figures boxed shorter than Chinese
 * characters, marks read from specks. The words are real readings (ScanDump's) of generated scans of unruled
 * PDFBox prints, kept in src/test/resources/ocr-words: a 200-dpi colour TIFF and a degraded 150-dpi image PDF of
 * 收入决算表, the wrapped header of a 财政拨款收入支出决算总表 once its two-line texts are read as blocks, and a
 * degraded 300-dpi TIFF of Chromium's print of 基本支出决算明细表 in AR PL UMing, and both engines' reading of a degraded
 * 200-dpi 三公 table (seed 173205080) and Tesseract's of degraded 200- and 150-dpi scans of Calc's (seeds 314159265, 299792458).
 */
class UnruledOcrTableTest {
    static Page page(String resource) throws IOException {
        return WordDumps.page("/ocr-words/" + resource, 2, PageOrigin.OCR);
    }

    private static List<List<String>> grid(Page page) {
        List<List<TextLine>> areas = StreamAreas.tables(page);
        assertThat(areas).hasSize(1);
        Fragment f = WhitespaceGrid.build(page, areas.get(0));
        assertThat(f).isNotNull();
        List<List<String>> out = new ArrayList<>();
        for (RawRow r : f.rows()) out.add(r.cells().stream().map(RawCell::text).map(t -> t.replaceAll("\\s", "")).toList());
        return out;
    }

    private static List<String> rowWith(List<List<String>> grid, String cell) {
        return grid.stream().filter(r -> r.contains(cell)).findFirst().orElseThrow(() -> new AssertionError("no row " + cell + " in " + grid));
    }

    @Test
    void headerLinesOfTallerOcrBoxesThanTheFiguresBelowBelongToTheTable() throws IOException {
        List<List<String>> grid = grid(page("unruled-income-200dpi-colour.txt"));
        // the header (本年收入合计 boxed 9 pt high over figures boxed 6) is the table's, not a title
        assertThat(grid.get(0)).containsSubsequence("科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入");
        assertThat(grid.get(0).indexOf("本年收入合计")).isEqualTo(grid.get(0).indexOf("科目编码") + 2);
    }

    @Test
    void aLongRowNameReadAsSeveralWordsStaysInItsColumn() throws IOException {
        List<List<String>> grid = grid(page("unruled-income-200dpi-colour.txt"));
        int width = grid.get(0).size();
        assertThat(rowWith(grid, "2080505")).isEqualTo(padded(width, "2080505", "机关事业单位基本养老保险缴费支出", "9.18", "9.18"));
        assertThat(rowWith(grid, "208")).isEqualTo(padded(width, "208", "社会保障和就业支出", "57.55", "57.55"));
        assertThat(rowWith(grid, "合计")).isEqualTo(List.of("", "合计", "561.57", "531.72", "", "29.85", "", "", "")
                .subList(0, width));
    }

    @Test
    void aUnitLineWhoseColonOcrReadAsASemicolonIsNoHeaderAndAWideSmudgeNoFigure() throws IOException {
        List<List<String>> grid = grid(page("unruled-income-150dpi-degraded.txt"));
        assertThat(grid).as(grid.toString()).noneMatch(r -> String.join("", r).contains("万元"));
        // the header's texts apart, though OCR read a quote before 财政 and a stop after 收入
        List<String> header = grid.stream().filter(r -> r.contains("本年收入合计")).findFirst().orElseThrow();
        assertThat(header).contains("财政拨款收入");
        // the body starts at 合计, the codes in their 类 | 款 | 项 columns
        assertThat(grid.stream().filter(r -> r.contains("类")).findFirst().orElseThrow()).startsWith("类", "款", "项");
        assertThat(rowWith(grid, "预算改革业务")).startsWith("201", "06", "04", "预算改革业务", "228.53", "228.53");
    }

    @Test
    void headerTextsWrappedOverTwoLinesAreOneCellEach() throws IOException {
        Page p = page("unruled-two-sided-wrapped-header-200dpi.txt");
        List<List<String>> grid = grid(p);
        assertThat(grid.get(1)).as(grid.toString()).containsSubsequence("项目", "行次", "金额", "项目", "行次", "合计",
                "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款");
        assertThat(grid.get(0).get(0)).isEqualTo("收入");
        assertThat(grid.get(0).get(3)).isEqualTo("支出");
    }

    /**
     * 科目 名 称 as OCR spaces it (a degraded 300-dpi scan of Chromium's print in UMing): one header text over its
     * column in each of the three groups of 基本支出决算明细表, so short names (办公费) and their amounts keep their columns.
     */
    @Test
    void aHeaderTextWhoseCharactersOcrSetApartIsOneText() throws IOException {
        List<List<String>> grid = grid(page("unruled-three-groups-300dpi-degraded.txt"));
        List<String> header = grid.stream().filter(r -> r.contains("决算数")).findFirst().orElseThrow();
        assertThat(header).containsExactly("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数");
        assertThat(rowWith(grid, "30201")).containsExactly("30101", "基本工资", "0.04", "30201", "办公费", "21.10", "30217", "公务接待费", "2.81");
    }

    /**
     * A two-sided table whose 支出 heading, centred over its side, lies over the 合计 column's right-aligned amounts
     * (a degraded 300-dpi scan of Chromium's print): 支出 is the side's parent, not the amounts' heading, so the
     * amounts stay under 合计 (they went to a column of their own, 合计 heading an empty one).
     */
    @Test
    void aParentHeadingOverAnAmountColumnDoesNotTakeItFromItsOwnHeading() throws IOException {
        List<List<String>> grid = grid(page("unruled-two-sided-parent-over-amounts-300dpi.txt"));
        int total = -1;
        for (List<String> r : grid) if (r.contains("合计")) total = r.indexOf("合计");
        assertThat(total).isPositive();
        assertThat(rowWith(grid, "181.27").get(total)).isEqualTo("181.27");
        assertThat(rowWith(grid, "122.76").get(total)).isEqualTo("122.76");
    }

    /**
     * The degraded scan's header through the reconciler: 上 set apart from 级补助收入 is that column's header, so the
     * only flag is for 附属单位上缴收入, whose wrapped header OCR did not read at all.
     */
    @Test
    void aHeaderCharacterSetApartJoinsTheColumnItsRestNames() throws IOException {
        List<reportingest.tables.RawTable> raw = new TabulaTableRecognizer().recognize(List.of(page("unruled-income-150dpi-degraded.txt")));
        List<reportingest.reconcile.ExtractedTable> tables = new reportingest.reconcile.fin.CatalogReconciler()
                .reconcile(List.of(), raw).tables();
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).schema()).isEqualTo("income");
        assertThat(tables.get(0).flags()).extracting(reportingest.reconcile.Flag::message)
                .containsExactly("header names no column for [附属单位上缴收入]");
    }

    @Test
    void aDigitReadAmongAGarbledHeadersCharactersDoesNotStartTheBody() throws IOException {
        // both engines on a degraded 200-dpi 三公 scan: Tesseract's 公务 用 车 2 潜行 运行 4 维 beside PP-OCR's header texts;
        // taken for the first body line, that header line seeded the amount columns and 8.95 1.57 shared a cell
        List<List<String>> grid = grid(page("unruled-three-public-both-engines-200dpi-degraded.txt"));
        List<String> amounts = rowWith(grid, "13.53").stream().filter(c -> !c.isEmpty()).toList();
        assertThat(amounts).containsExactly("13.53", "11.96", "3.01", "8.95", "1.57", "9.34", "8.83", "8.83", "0.51");
        assertThat(grid.get(grid.size() - 1)).as("the amounts are the last row").contains("13.53");
        assertThat(grid.get(0).size()).as("a column for each of the 12 amounts and blanks").isEqualTo(12);
        // 是, a smear 33 high where 因公出国（境） wraps, does not join that header to the 合计 column before it
        assertThat(grid.get(grid.size() - 1)).containsExactly("13.53", "", "11.96", "3.01", "8.95", "1.57", "9.34", "", "8.83", "", "8.83", "0.51");
    }

    /**
     * A Calc print of a 三公 table, fit to a landscape page and scanned at 200 dpi (degraded, seed 314159265): its only
     * body line is six figures, boxed 6 high under a header boxed 9, and OCR read the note under it with noise between
     * its words. The figures' line is set in the header's type, so the header joins it; the note is running text; a
     * header text that smears over two columns does not keep them apart.
     */
    @Test
    void aTableWhoseOnlyBodyLineIsFiguresTakesItsHeaderAndLeavesTheNoteOut() throws IOException {
        List<List<String>> grid = grid(page("unruled-three-public-figures-only-200dpi-degraded.txt"));
        assertThat(String.join("", grid.get(0))).as(grid.toString()).contains("预算数", "决算数");
        // 合计 and 因公出国（境） read as one smear over both columns; 费, the second line of the latter, over its amount's left;
        // on the 决算 side OCR reads 公务用车运行维护费 and 公务接待费 as one text, the last two columns as one
        List<String> amounts = grid.get(grid.size() - 1);
        assertThat(amounts.subList(0, 8)).containsExactly("9.42", "5.46", "3.96", "3.96", "", "", "3.55", "3.55");
        assertThat(amounts.subList(8, amounts.size())).allMatch(String::isEmpty);
        assertThat(grid).noneMatch(r -> String.join("", r).contains("以前年度结转"));
    }

    /**
     * The same form of Calc scanned at 150 dpi (a degraded grey TIFF, seed 299792458), its figures 6 px high: OCR read
     * the note under the table as noise and running text with one comma left (其中，预算数为"三公"经费全年预算数…). A text
     * twice a cell's length with a clause mark in it is a sentence: the note stays out of the table, and the figures
     * keep columns of their own instead of two columns spanned by the note.
     */
    @Test
    void aNoteReadWithOneClauseMarkLeftIsRunningTextNotAColumnSpanningRow() throws IOException {
        List<List<String>> grid = grid(page("unruled-three-public-150dpi-degraded-tiff.txt"));
        assertThat(grid).noneMatch(r -> String.join("", r).contains("以前年度结转"));
        List<String> amounts = grid.get(grid.size() - 1).stream().filter(c -> !c.isEmpty()).toList();
        // 2.86 and 2.01, two columns with a narrow gap, share one cell (spaces dropped here): the parser splits such cells
        assertThat(amounts).containsExactly("12.66", "7.79", "2.86", "2.862.01", "7.82", "6.09", "1.73", "1.73");
    }

    private static List<String> padded(int width, String code, String name, String... amounts) {
        List<String> r = new ArrayList<>(List.of(code, name));
        r.addAll(List.of(amounts));
        while (r.size() < width) r.add("");
        return r;
    }
}

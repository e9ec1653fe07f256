package reportingest.tables.tabula;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.tables.tabula.RealPdfs.filled;
import static reportingest.tables.tabula.RealPdfs.norm;

/**
 * Real 2024 Shanghai Putuo 部门决算 reports through PdfPageSource and TabulaTableRecognizer: the
 * good sample (codes in separate 类/款/项 columns) and the two as-published reports kept under
 * samples/bad (codes joined, names wrapped over two lines, WPS and Word exports).
 */
class PutuoFinalAccountsTest {
    private static final String DIR = "govbudgetchecker_shanghai_putuo/samples/";
    static final String FINANCE = "good/上海市普陀区财政局2024年度部门决算.pdf";
    static final String SOCIAL = "bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf";
    static final String PLANNING = "bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf";

    private static final List<String> NINE = List.of("收入支出决算总表", "收入决算表", "支出决算表",
            "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
            "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表");

    private static List<RawTable> tables(String file) {
        return RealPdfs.tables(RealPdfs.require(DIR + file));
    }

    private static RawTable table(String file, String title) {
        List<RawTable> found = tables(file).stream().filter(t -> norm(t.title()).equals(norm(title))).toList();
        assertThat(found).as("tables titled %s in %s", title, file).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE, SOCIAL, PLANNING})
    void theNineStandardTablesAreFoundByTitle(String file) {
        for (String title : NINE) {
            RawTable t = table(file, title);
            assertThat(t.rows()).as(title).isNotEmpty();
            assertThat(t.context()).as(title).anyMatch(c -> c.contains("单位：万元"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE, SOCIAL, PLANNING})
    void incomeAndExpenditureTablesAreEachOneTableOverTwoPages(String file) {
        for (String title : List.of("收入决算表", "支出决算表")) {
            RawTable t = table(file, title);
            assertThat(t.continued()).as(title).isTrue();
            assertThat(t.pageTo()).as(title).isEqualTo(t.pageFrom() + 1);
            List<Integer> pages = t.rows().stream().map(r -> r.cells().get(0).page()).distinct().toList();
            assertThat(pages).as(title).containsExactly(t.pageFrom(), t.pageTo());
            // The continuation page repeats no header: the header words appear once.
            long headers = t.rows().stream().filter(r -> filled(r).stream().anyMatch(c -> c.contains("科目名称"))).count();
            assertThat(headers).as(title).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE, SOCIAL, PLANNING})
    void emptyTablesKeepTheirHeaderAndTheirNote(String file) {
        RawTable t = table(file, "政府性基金预算财政拨款收入支出决算表");
        assertThat(t.context()).anyMatch(c -> c.contains("本表无数据"));
        assertThat(t.rows()).allMatch(r -> filled(r).stream().noneMatch(c -> c.matches("[0-9,.]+")));
    }

    /**
     * Whole rows read off the PDFs with pdftotext -layout: every non-empty cell of the row, in
     * order; {@code page} is the page the row is printed on.
     */
    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            good/上海市普陀区财政局2024年度部门决算.pdf | 收入决算表 | 8 | 类;款;项;合计;2,946.25;2,940.05;6.20
            good/上海市普陀区财政局2024年度部门决算.pdf | 收入决算表 | 8 | 201;06;02;一般行政管理事务;16.19;10.00;6.19
            good/上海市普陀区财政局2024年度部门决算.pdf | 收入决算表 | 8 | 208;05;05;机关事业单位基本养老保险缴费支出;160.75;160.75
            good/上海市普陀区财政局2024年度部门决算.pdf | 收入决算表 | 9 | 221;02;03;购房补贴;258.50;258.50
            good/上海市普陀区财政局2024年度部门决算.pdf | 支出决算表 | 10 | 201;06;01;行政运行;1,511.89;1,503.52;8.37
            good/上海市普陀区财政局2024年度部门决算.pdf | 支出决算表 | 10 | 208;05;06;机关事业单位职业年金缴费支出;80.38;80.38
            good/上海市普陀区财政局2024年度部门决算.pdf | 支出决算表 | 11 | 221;02;01;住房公积金;187.19;187.19
            good/上海市普陀区财政局2024年度部门决算.pdf | 收入支出决算总表 | 6 | 八、其他收入;6.20;八、社会保障和就业支出;326.71
            good/上海市普陀区财政局2024年度部门决算.pdf | 收入支出决算总表 | 7 | 总计;2,995.39;总计;2,995.39
            good/上海市普陀区财政局2024年度部门决算.pdf | 财政拨款收入支出决算总表 | 13 | 总计;2,961.68;总计;2,961.68;2,961.68
            good/上海市普陀区财政局2024年度部门决算.pdf | 一般公共预算财政拨款支出决算表 | 15 | 合计;2,940.05;2,336.91;603.14
            good/上海市普陀区财政局2024年度部门决算.pdf | 一般公共预算财政拨款基本支出决算表 | 16 | 301;12;其他社会保障缴费;1.61;302;11;差旅费;1.20
            good/上海市普陀区财政局2024年度部门决算.pdf | 一般公共预算财政拨款基本支出决算表 | 17 | 303;10;个人农业生产补贴;302;29;福利费;42.77
            good/上海市普陀区财政局2024年度部门决算.pdf | 财政拨款“三公”经费支出决算表 | 18 | 0.95;0.95
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 收入决算表 | 6 | 合计;307.82;307.82
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 收入决算表 | 6 | 2080505;机关事业单位基本养老保险缴费支出;6.18;6.18
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 收入决算表 | 7 | 2210203;购房补贴;11.72;11.72
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 支出决算表 | 8 | 合计;307.82;105.58;202.24
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 支出决算表 | 8 | 2080506;机关事业单位职业年金缴费支出;4.64;4.64
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 支出决算表 | 9 | 2101102;事业单位医疗;0.49;0.49
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 一般公共预算财政拨款支出决算表 | 12 | 2080505;机关事业单位基本养老保险缴费支出;6.18;6.18
            bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf | 一般公共预算财政拨款基本支出决算表 | 13 | 30108;机关事业单位基本养老保险缴费;6.18;30206;电费;0.00
            bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf | 收入决算表 | 8 | 合计;9746.50;9746.50
            bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf | 收入决算表 | 8 | 2080505;机关事业单位基本养老保险缴费支出;446.11;446.11
            bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf | 支出决算表 | 10 | 合计;9759.38;5377.64;4381.74
            bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf | 支出决算表 | 11 | 2200150;事业运行;4416.67;2339.58;2077.09
            bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf | 支出决算表 | 11 | 2210203;购房补贴;171.49;171.49;0.00
            """)
    void rowsReadAsPrinted(String file, String title, int page, String cells) {
        List<String> expected = Arrays.asList(cells.split(";"));
        RawTable t = table(file, title);
        List<RawRow> matches = t.rows().stream().filter(r -> filled(r).equals(expected)).toList();
        assertThat(matches).as("row %s in %s", expected, title).hasSize(1);
        RawRow row = matches.get(0);
        for (RawCell c : row.cells()) {
            if (c.text().isBlank()) continue;
            assertThat(c.page()).isEqualTo(page);
            assertThat(c.bbox().width()).isPositive();
            assertThat(c.confidence()).isEqualTo(100.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE})
    void amountsStayUnderTheirHeaderColumn(String file) {
        RawTable t = table(file, "收入决算表");
        RawRow header = t.rows().get(0);
        int other = indexOf(header, "其他收入");
        int fiscal = indexOf(header, "财政拨款收入");
        RawRow row = t.rows().stream().filter(r -> filled(r).contains("一般行政管理事务")).findFirst().orElseThrow();
        assertThat(row.cells().get(other).text()).isEqualTo("6.19");
        assertThat(row.cells().get(fiscal).text()).isEqualTo("10.00");
        // Every row, from both pages, has the header's number of columns.
        assertThat(t.rows()).allMatch(r -> r.cells().size() == header.cells().size());
    }

    private static int indexOf(RawRow row, String text) {
        for (int i = 0; i < row.cells().size(); i++) if (row.cells().get(i).text().equals(text)) return i;
        throw new AssertionError(text + " not in " + filled(row));
    }

}

package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table's last line pushed alone onto the next page: LibreOffice Calc's print of an unruled two-sided
 * 基本支出决算明细表 in Noto Sans CJK (seed 223606797, never tuned on) ends its page at 31099 其他资本性支出 and prints
 * 人员经费合计 431.34 公用经费合计 114.77 at the top of the next, then the note. The words are the text layer's.
 */
class SpilledLastLineTest {
    private final List<Page> pages = List.of(
            WordDumps.page("/text-words/calc-two-sided-basic-expenditure-page1.txt", 1, PageOrigin.TEXT_LAYER),
            WordDumps.page("/text-words/calc-two-sided-basic-expenditure-page2.txt", 2, PageOrigin.TEXT_LAYER));

    @Test
    void aLastLineSpilledOntoTheNextPageIsTheTablesLastRow() {
        List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);

        assertThat(tables).hasSize(1);
        RawTable table = tables.get(0);
        assertThat(table.pageFrom()).isEqualTo(1);
        assertThat(table.pageTo()).isEqualTo(2);
        assertThat(texts(table.rows().get(table.rows().size() - 2))).containsExactly("", "", "", "31099", "其他资本性支出", "");
        assertThat(texts(table.rows().get(table.rows().size() - 1)))
                .containsExactly("", "人员经费合计", "431.34", "", "公用经费合计", "114.77");
    }

    private static List<String> texts(RawRow r) {
        return r.cells().stream().map(RawCell::text).map(String::strip).toList();
    }
}

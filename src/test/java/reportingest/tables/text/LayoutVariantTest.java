package reportingest.tables.text;

import org.junit.jupiter.api.Test;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same report printed in other text layouts must give the same tables, keys and values. */
class LayoutVariantTest {

    @Test
    void spaceAlignedColumnsGiveTheSameCellsAsTabs() throws Exception {
        String tabs = FinancialFixtures.seedText("004_d2f5081e5b89099b");
        // Every tab becomes a run of two spaces, so empty cells become longer runs.
        String spaces = tabs.replace("\t", "  ");
        assertThat(spaces).doesNotContain("\t");
        assertThat(summary(FinancialFixtures.extract(spaces))).isEqualTo(summary(FinancialFixtures.extract(tabs)));
        assertThat(FinancialFixtures.extract(spaces).tables()).hasSize(8);
    }

    @Test
    void crlfLineEndingsGiveTheSameCellsAsLf() throws Exception {
        String lf = FinancialFixtures.seedText("001_a8898a713e576bc4");
        String crlf = lf.replace("\r\n", "\n").replace("\n", "\r\n");
        assertThat(summary(FinancialFixtures.extract(crlf))).isEqualTo(summary(FinancialFixtures.extract(lf)));
        assertThat(FinancialFixtures.extract(crlf).tables()).hasSize(9);
    }

    @Test
    void tabLayoutRebuiltAsOneCellPerLineGivesTheSameCells() throws Exception {
        String tabs = FinancialFixtures.seedText("004_d2f5081e5b89099b");
        StringBuilder sb = new StringBuilder();
        // 001's layout: each cell on its own tab-prefixed line, rows separated by an empty line.
        for (String line : tabs.split("\n", -1)) {
            if (line.contains("\t")) {
                for (String cell : line.split("\t", -1)) sb.append('\t').append(cell.isEmpty() ? "\u3000" : cell).append('\n');
                sb.append('\n');
            } else {
                sb.append(line).append('\n');
            }
        }
        assertThat(summary(FinancialFixtures.extract(sb.toString())))
                .isEqualTo(summary(FinancialFixtures.extract(tabs)));
    }

    @Test
    void formFeedPageBreaksDoNotLoseTables() throws Exception {
        String text = FinancialFixtures.seedText("004_d2f5081e5b89099b");
        // A page break inside the 收入决算表 body: the table continues on the next page.
        String broken = text.replace("20807\t就业补助", "\f20807\t就业补助");
        ExtractedDocument doc = FinancialFixtures.extract(broken);
        assertThat(summary(doc)).isEqualTo(summary(FinancialFixtures.extract(text)));
        assertThat(doc.tables().get(1).pageTo()).isEqualTo(doc.tables().get(1).pageFrom() + 1);
    }

    /** Schema, row keys and cell values, which is what the export carries as data. */
    static List<String> summary(ExtractedDocument doc) {
        List<String> out = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            out.add("table " + t.schema() + " " + t.columns());
            for (TableRow r : t.rows()) {
                List<String> values = new ArrayList<>();
                for (CellValue c : r.cells().values()) values.add(c.value());
                out.add(r.key() + " " + values);
            }
        }
        return out;
    }
}

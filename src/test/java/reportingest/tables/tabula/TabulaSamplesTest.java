package reportingest.tables.tabula;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.tables.tabula.RealPdfs.norm;

/**
 * tabula-java's own lattice samples, read through our page model (PdfPageSource words and rulings,
 * then a Tabula page built from them), against tabula-java's expected CSV output. Texts are
 * compared after NFKC without whitespace: Tabula normalises its output, we keep the printed forms.
 */
class TabulaSamplesTest {

    @Test
    void spanningCellsGivesTabulasTwoTablesCellForCell() throws IOException {
        Path pdf = RealPdfs.require("tabula-java/spanning_cells.pdf");
        List<List<String>> expected = csv(RealPdfs.require("tabula-java/csv/spanning_cells.csv"));
        List<RawTable> tables = RealPdfs.tables(pdf);
        assertThat(tables).hasSize(2);
        List<List<String>> got = new ArrayList<>(grid(tables.get(0)));
        got.addAll(grid(tables.get(1)));
        assertThat(got).isEqualTo(expected); // 25 rows x 6 columns
        assertThat(tables.get(0).title()).startsWith("Table A4-12.").endsWith("Alternative Scenarios, 2007 to 2011");
    }

    @Test
    void twoTablesGivesTabulasCellsWithSpanningHeadersPlacedByPosition() throws IOException {
        Path pdf = RealPdfs.require("tabula-java/twotables.pdf");
        List<List<String>> expected = csv(RealPdfs.require("tabula-java/csv/twotables.csv"));
        List<RawTable> tables = RealPdfs.tables(pdf);
        assertThat(tables).hasSize(2);
        List<List<String>> first = grid(tables.get(0));
        List<List<String>> second = grid(tables.get(1));
        assertThat(first).isEqualTo(expected.subList(0, 11));
        // Tabula numbers the columns of a header row by counting its cells, which moves
        // 少数株主持分 and 純資産合計 left of where they are printed; we place them by position.
        // The body rows agree cell for cell.
        assertThat(second.subList(2, 11)).isEqualTo(expected.subList(13, 22));
        assertThat(second.get(0)).containsExactly("", "その他の包括利益累計額", "", "", "", "", "少数株主持分", "純資産合計");
    }

    @Test
    void unruledTableBodyAgreesWithTabulasExpectedCsv() throws IOException {
        Path pdf = RealPdfs.require("tabula-java/us-020.pdf");
        List<List<String>> expected = csv(RealPdfs.require("tabula-java/csv/us-020.csv"));
        RawTable t = RealPdfs.tables(pdf).stream().filter(x -> x.pageFrom() == 2).findFirst().orElseThrow();
        List<List<String>> got = grid(t);
        int from = indexOfFirst(got, "Australia");
        int expectedFrom = indexOfFirst(expected, "Australia");
        // The whitespace grid joins each wrapped header text into one cell where the CSV keeps
        // one row per printed line; from the first body row on, every row and cell agrees.
        assertThat(got.subList(from, got.size())).isEqualTo(expected.subList(expectedFrom, expected.size()));
    }

    private static int indexOfFirst(List<List<String>> rows, String first) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).get(0).equals(first)) return i;
        throw new AssertionError(first + " not found");
    }

    private static List<List<String>> grid(RawTable t) {
        List<List<String>> out = new ArrayList<>();
        for (RawRow r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (RawCell c : r.cells()) row.add(norm(c.text()));
            out.add(row);
        }
        return out;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(in)) {
                List<String> row = new ArrayList<>();
                rec.forEach(v -> row.add(norm(v)));
                out.add(row);
            }
        }
        return out;
    }
}

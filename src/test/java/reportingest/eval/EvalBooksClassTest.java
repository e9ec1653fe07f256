package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reportingest.eval.books.GovernmentBook;
import reportingest.eval.books.GovernmentBooks;
import reportingest.eval.books.TitleCensus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/eval --books DIR reports government books as their own class: a line per book (pages, forms delivered of those
 * printed, doubled, unnumbered, tables, unknown tables, truth rows, 说明 figures, titles), a total line and the JSON's
 * {@code government_books}; without --books nothing of it appears.
 */
class EvalBooksClassTest {
    private static final Path BOOKS = Path.of("..", "shared", "external", "city_finance_cn");

    private static GovernmentBook scan() {
        return new GovernmentBook("c01_x_scan.pdf", 210, 113, 78, true, 0, 0, 112, 112,
                new GovernmentBook.Truth("truth_c01_from_c03.csv", 453, 446, 1, 0, 6), 0, 0, 0,
                new TitleCensus(112, 78, 4, 33, 1, List.of(), List.of()), 4.0);
    }

    private static GovernmentBook digital() {
        return new GovernmentBook("c07_x.pdf", 169, 31, 30, false, 0, 2, 30, 30, null, 544, 450, 450, null, 4.0);
    }

    @Test
    void eachBookALineAndTheClassTotalled() throws Exception {
        EvalReport report = new EvalReport().addBooks(List.of(scan(), digital()));
        List<String> lines = report.lines(379, 8.0);
        assertThat(lines).anyMatch(l -> l.startsWith("government books"));
        assertThat(lines).anyMatch(l -> l.startsWith("c01_x_scan.pdf") && l.contains("78/113t") && l.contains("446/1/0/6 of 453")
                && l.contains("78/33/1 of 112"));
        assertThat(lines).anyMatch(l -> l.startsWith("c07_x.pdf") && l.contains("30/31 ") && l.contains("544/450/450"));
        assertThat(lines).anyMatch(l -> l.startsWith("TOTAL (2 books)") && l.contains("108/144") && l.contains("446/1/0/6 of 453"));
        // only books: no table of scored documents
        assertThat(lines).noneMatch(l -> l.startsWith("document / table"));
        JsonNode json = Exports.MAPPER.readTree(lines.get(lines.size() - 1));
        JsonNode g = json.path("government_books");
        assertThat(g.path("books").asInt()).isEqualTo(2);
        assertThat(g.path("pages").asInt()).isEqualTo(379);
        assertThat(g.path("forms_printed").asInt()).isEqualTo(144);
        assertThat(g.path("forms_delivered").asInt()).isEqualTo(108);
        assertThat(g.path("unnumbered").asInt()).isEqualTo(2);
        assertThat(g.path("truth_rows").asInt()).isEqualTo(453);
        assertThat(g.path("truth_exact").asInt()).isEqualTo(446);
        assertThat(g.path("truth_wrong_unflagged").asInt()).isZero();
        assertThat(g.path("narrative_read").asInt()).isEqualTo(544);
        assertThat(g.path("narrative_holding").asInt()).isEqualTo(450);
        assertThat(g.path("titles_wrong_flagged").asInt()).isEqualTo(33);
        assertThat(g.path("titles_wrong_unflagged").asInt()).isEqualTo(1);
        // the contract's keys come first, unchanged
        assertThat(json.fieldNames().next()).isEqualTo("documents");
    }

    @Test
    void withoutBooksNothingChanges() throws Exception {
        List<String> lines = new EvalReport().lines(0, 0);
        assertThat(lines).noneMatch(l -> l.startsWith("government books"));
        assertThat(lines).anyMatch(l -> l.startsWith("document / table"));
        assertThat(Exports.MAPPER.readTree(lines.get(lines.size() - 1)).has("government_books")).isFalse();
    }

    /** Two real books read by the service's stages (c03 born-digital with its truth, c10 a contents list only). */
    @Test
    void realBooksMeasuredWithTheirTruth(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(BOOKS), "no " + BOOKS + " beside the repository: third-party PDFs absent");
        for (String f : List.of("c03_jinan_2022_final.pdf", "c10_zhengzhou_2021_final.pdf", "truth_c01_from_c03.csv"))
            Files.createSymbolicLink(dir.resolve(f), BOOKS.resolve(f).toAbsolutePath());
        List<GovernmentBook> books = GovernmentBooks.measure(dir, Path.of("src/test/resources/books"), null, Map.of());
        assertThat(books).extracting(GovernmentBook::file).containsExactly("c03_jinan_2022_final.pdf", "c10_zhengzhou_2021_final.pdf");
        GovernmentBook c03 = books.get(0), c10 = books.get(1);
        assertThat(c03.pages()).isEqualTo(219);
        assertThat(List.of(c03.formsPrinted(), c03.formsDelivered(), c03.doubled())).containsExactly(108, 108, 0);
        // the truth CSV taken from c03 scores c03 by its own pages: measured 2026-12-07 450 exact, 1 flagged, 4 missing
        assertThat(c03.truth().rows()).isEqualTo(455);
        assertThat(c03.truth().exact()).isGreaterThanOrEqualTo(450);
        assertThat(c03.truth().wrongUnflagged()).isZero();
        assertThat(c03.titles()).isNull();
        assertThat(c10.tables()).isZero();
        assertThat(c10.truth()).isNull();
    }
}

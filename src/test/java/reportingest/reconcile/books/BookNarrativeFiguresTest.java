package reportingest.reconcile.books;

import reportingest.eval.books.BookFigures;
import reportingest.eval.books.BookPipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reportingest.reconcile.NarrativeFact;
import reportingest.validate.Outcome;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 说明 figures of the Beijing books (#21, read in place from ../shared/external/city_finance_cn; skipped saying why
 * when absent) against the cells they name: how many "X决算数为N万元" figures are read, how many name a cell of the
 * table their 说明 explains (row by label under its numbered lines, column by the word), how many hold; and of the
 * amounts truth_narrative_amounts.csv lists for the book (another hand's extraction), how many are among the figures
 * read in 万元 and how many of those were checked. Measured 2026-12-07: every checked figure holds in both books.
 */
class BookNarrativeFiguresTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "c07_beijing_2022_final.pdf, c07, 544, 450, 450, 296, 269, 257",
            "c08_beijing_2024_final.pdf, c08, 444, 326, 326, 238, 232, 219"})
    void figuresOfTheExplanationsAgainstTheirTables(String file, String local, int figures, int checked, int holding,
                                                    int truthAmounts, int truthRead, int truthChecked) throws Exception {
        Path pdf = GovernmentBooksTest.BOOKS.resolve(file);
        Path truth = GovernmentBooksTest.BOOKS.resolve("truth_narrative_amounts.csv");
        assumeTrue(Files.isRegularFile(pdf) && Files.isRegularFile(truth), "no " + pdf + " or " + truth + " beside the repository: third-party files absent");
        BookFigures explained;
        try (BookPipeline pipeline = new BookPipeline(Map.of())) {
            explained = BookFigures.of(pipeline.read(pdf, null));
        }
        List<NarrativeFact> read = explained.read();
        List<Outcome> book = explained.checks();
        Set<String> checkedFigures = new HashSet<>();
        for (Outcome o : book) checkedFigures.add(o.check().id());
        List<String> failing = book.stream().filter(o -> !o.holds()).map(Outcome::message).toList();

        int amounts = 0, amongRead = 0, amongChecked = 0;
        for (String line : Files.readAllLines(truth, StandardCharsets.UTF_8)) {
            String[] c = line.split(",");
            if (!c[0].equals(local)) continue;
            amounts++;
            BigDecimal amount = new BigDecimal(c[c.length - 1].isEmpty() ? c[c.length - 2] : c[c.length - 1]);
            List<NarrativeFact> same = read.stream().filter(f -> "万元".equals(f.unit()) && new BigDecimal(f.value()).compareTo(amount) == 0).toList();
            if (!same.isEmpty()) amongRead++;
            if (same.stream().anyMatch(f -> checkedFigures.contains("narr/book/" + f.section() + "/" + f.figure()))) amongChecked++;
        }
        System.out.printf("%s: figures read %d, checked %d, holding %d; truth amounts %d, among the figures %d, checked %d; failing %s%n",
                file, read.size(), book.size(), book.size() - failing.size(), amounts, amongRead, amongChecked, failing);
        assertThat(read).hasSize(figures);
        assertThat(book).hasSize(checked);
        assertThat(book.size() - failing.size()).as("holding; failing: %s", failing).isEqualTo(holding);
        assertThat(List.of(amounts, amongRead, amongChecked)).containsExactly(truthAmounts, truthRead, truthChecked);
    }
}

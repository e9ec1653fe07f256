package reportingest.reconcile.document;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.Flag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #20 item 1 on every Chinese PDF of ../shared/external (read in place; skipped saying why when absent): the
 * reporting body, fiscal year, kind, level and amount unit the pipeline (layout, tables, reconcile, as
 * {@link DocumentFactsTest}) settles are right or not claimed, against what each document prints, read by hand into
 * src/test/resources/facts/external-facts.tsv. A value present equals the truth; a null body or year comes with
 * METADATA_UNCERTAIN; kind {@code unknown}, level and amount unit null claim nothing. Where the truth is '-' (the
 * document does not state it clearly) the service gives nothing. Each outcome is also written to
 * target/external-facts-outcome.tsv (the table of docs/document-facts-2026-12-06.md).
 */
class ExternalDocumentFactsTest {
    static final Path EXTERNAL = Path.of("..", "shared", "external");
    private static final Path TRUTH = Path.of("src", "test", "resources", "facts", "external-facts.tsv");
    private static final Path OUTCOME = Path.of("target", "external-facts-outcome.tsv");

    static Stream<String> documents() throws IOException {
        if (!Files.isDirectory(EXTERNAL)) return Stream.of("absent");
        Files.deleteIfExists(OUTCOME);
        return Files.readAllLines(TRUTH, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void factsAreRightOrFlagged(String line) {
        assumeTrue(!line.equals("absent"), "no " + EXTERNAL + " beside the repository: third-party PDFs absent");
        String[] f = line.split("\t");
        Path pdf = EXTERNAL.resolve(f[0]);
        assumeTrue(Files.isRegularFile(pdf), "test document not present: " + pdf);
        List<Page> pages = new ArrayList<>();
        try {
            new PdfPageSource(null).pages(pdf, pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExtractedDocument d = DocumentFactsTest.reconciled(pages);
        boolean uncertain = d.flags().stream().map(Flag::code).anyMatch(DocumentFacts.METADATA_UNCERTAIN::equals);
        String body = truth(f[1]), kind = truth(f[3]), level = truth(f[4]), unit = truth(f[5]);
        Integer year = f[2].equals("-") ? null : Integer.valueOf(f[2]);
        String kindGiven = d.kind() == null ? "unknown" : d.kind();

        List<String> outcome = List.of(f[0], f[1], f[2], f[3], f[4], f[5],
                String.valueOf(d.unit()), String.valueOf(d.fiscalYear()), kindGiven, String.valueOf(d.level()), String.valueOf(d.amountUnit()),
                fact(d.unit(), body, uncertain), fact(d.fiscalYear(), year, uncertain),
                verdict(kind(d.kind()), kind, false), verdict(d.level(), level, false), verdict(d.amountUnit(), unit, false));
        write(String.join("\t", outcome));

        if (d.unit() == null || d.fiscalYear() == null) assertThat(uncertain).as("body or year null without METADATA_UNCERTAIN").isTrue();
        if (d.unit() != null) assertThat(d.unit()).as("reporting body").isEqualTo(body);
        if (d.fiscalYear() != null) assertThat(d.fiscalYear()).as("fiscal year").isEqualTo(year);
        if (kind(d.kind()) != null) assertThat(d.kind()).as("kind").isEqualTo(kind);
        if (d.level() != null) assertThat(d.level()).as("level").isEqualTo(level);
        if (d.amountUnit() != null) assertThat(d.amountUnit()).as("amount unit").isEqualTo(unit);
    }

    private static String truth(String cell) {
        return cell.equals("-") ? null : cell;
    }

    /** A kind the service claims; {@code unknown} claims nothing. */
    private static String kind(String k) {
        return k == null || k.equals("unknown") ? null : k;
    }

    /** Body and year: a null must come with METADATA_UNCERTAIN. */
    private static String fact(Object given, Object truth, boolean uncertain) {
        return given == null && !uncertain ? "WRONG (null, unflagged)" : verdict(given, truth, true);
    }

    /**
     * right: the truth (or nothing where the document states nothing); null+flagged (body, year: null with
     * METADATA_UNCERTAIN) or not given (kind unknown, level or amount unit null); WRONG otherwise.
     */
    private static String verdict(Object given, Object truth, boolean flagged) {
        if (given == null) return truth == null ? "right" : flagged ? "null+flagged" : "not given";
        return Objects.equals(String.valueOf(given), String.valueOf(truth)) ? "right" : "WRONG";
    }

    private static synchronized void write(String line) {
        try {
            Files.createDirectories(OUTCOME.getParent());
            Files.writeString(OUTCOME, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

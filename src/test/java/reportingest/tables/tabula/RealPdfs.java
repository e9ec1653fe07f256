package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real third-party PDFs used in place (never copied into the repository), read once per test run. */
public final class RealPdfs {
    static final Path EXTERNAL = Path.of("..", "shared", "external");
    private static final Map<Path, List<RawTable>> TABLES = new ConcurrentHashMap<>();

    private RealPdfs() {}

    static Path require(String relative) {
        Path p = EXTERNAL.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "test document not present: " + p);
        return p;
    }

    static List<RawTable> tables(Path pdf) {
        return TABLES.computeIfAbsent(pdf, p -> new TabulaTableRecognizer().recognize(pages(p)));
    }

    static List<Page> pages(Path pdf) {
        List<Page> pages = new ArrayList<>();
        try {
            new PdfPageSource(null).pages(pdf, pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The texts of a row's non-empty cells, left to right. */
    public static List<String> filled(RawRow row) {
        List<String> out = new ArrayList<>();
        for (RawCell c : row.cells()) if (!c.text().isBlank()) out.add(c.text());
        return out;
    }

    /** NFKC without whitespace, quotes unified: how printed and expected texts are compared. */
    public static String norm(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replace('“', '"').replace('”', '"');
    }
}

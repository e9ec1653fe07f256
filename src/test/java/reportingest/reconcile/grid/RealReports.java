package reportingest.reconcile.grid;

import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.ExtractedDocument;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.TabulaTableRecognizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real 2024 Shanghai Putuo 部门决算 PDFs, used in place from ../shared/external (never copied
 * into the repository; tests skip when absent), run through PdfPageSource, the Tabula recognizer
 * and the catalog reconciler once per test run.
 */
final class RealReports {
    static final Path DIR = Path.of("..", "shared", "external", "govbudgetchecker_shanghai_putuo", "samples");
    static final String FINANCE = "good/上海市普陀区财政局2024年度部门决算.pdf";
    static final String SOCIAL = "bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf";
    static final String PLANNING = "bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf";
    static final String CORRUPTED = "bad/24年普陀区财政局（测试问题版本）.pdf";

    private static final Map<String, ExtractedDocument> DOCS = new ConcurrentHashMap<>();

    private RealReports() {}

    static ExtractedDocument reconciled(String file) {
        Path p = DIR.resolve(file);
        assumeTrue(Files.isRegularFile(p), "test document not present: " + p);
        return DOCS.computeIfAbsent(file, f -> {
            List<Page> pages = new ArrayList<>();
            try {
                new PdfPageSource(null).pages(p, pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
            return new CatalogReconciler().reconcile(pages, tables);
        });
    }
}

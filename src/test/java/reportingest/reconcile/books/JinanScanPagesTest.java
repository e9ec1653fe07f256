package reportingest.reconcile.books;

import reportingest.eval.books.TruthRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.catalog.Catalog;
import reportingest.layout.Page;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.validate.Validator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A few pages of the real 210-page scan of issue #21 (c01: ABBYY, JBIG2 1-bit, 300 dpi, no text layer; skipped saying
 * why when ../shared is absent), cut out of it into a small PDF and read through PDFBox, Tesseract, table recognition,
 * the reconciler and the validator: every 2021年决算数 the truth CSV gives for those pages (full rows, with the scan's
 * own printing where c01-print-differs.tsv says it differs) read exactly in the row of that label
 * ({@link TruthRows}); and a landscape table printed sideways on a portrait scan page read upright (Tesseract's
 * orientation detection). The whole book is the long run of {@link ScanBookScore}.
 */
class JinanScanPagesTest {
    private static final Path SCAN = GovernmentBooksTest.BOOKS.resolve("c01_jinan_2021_final_scan.pdf");
    private static final Path TRUTH = GovernmentBooksTest.BOOKS.resolve("truth_c01_from_c03.csv");
    private static final Path DIFFERS = Path.of("src", "test", "resources", "books", "c01-print-differs.tsv");
    /**
     * Book pages read: 表01 (p17: 14 truth rows), 表10 (p27: 21 rows; bi-level 5s read as 9s before the smoothed
     * reading), 表25 over pp. 43-44 (30 rows; labels recurring per fund, a header repeated on its second page), and
     * p78, 表56 printed sideways.
     */
    private static final int[] PAGES = {17, 27, 43, 44, 78};
    private static ExtractedDocument doc;
    private static List<Page> pages;

    @BeforeAll
    static void read(@TempDir Path tmp) throws Exception {
        if (!Files.isRegularFile(SCAN) || !Files.isRegularFile(TRUTH)) return;
        pages = ScanPagesCut.read(SCAN, PAGES, tmp);
        Catalog catalog = Catalog.load();
        ExtractedDocument reconciled = new CatalogReconciler(catalog).reconcile(pages, new TabulaTableRecognizer().recognize(pages));
        doc = new Validator(catalog).validate(reconciled, pages).document();
    }

    @Test
    void truthRowsOfThesePagesReadExactly() throws Exception {
        assumeTrue(doc != null, "no " + SCAN + " and " + TRUTH + " beside the repository: third-party files absent");
        List<TruthRows.Row> truth = new ArrayList<>();
        for (int p : PAGES) truth.addAll(TruthRows.read(TRUTH, p, p, DIFFERS));
        List<TruthRows.Result> results = TruthRows.score(doc, truth, "2021");
        Map<TruthRows.Outcome, Integer> n = TruthRows.counts(results);
        List<String> off = results.stream().filter(r -> r.outcome() != TruthRows.Outcome.EXACT)
                .map(r -> r.outcome() + " p" + r.truth().page() + " " + r.truth().label() + " want " + r.truth().value() + " got "
                        + r.got() + ": " + r.why()).toList();
        System.out.println("c01 pages " + java.util.Arrays.toString(PAGES) + ": " + n + " " + off);
        assertThat(truth).hasSize(64);
        assertThat(off).as("truth rows not read exactly").isEmpty();
    }

    @Test
    void sidewaysTableReadUpright() {
        assumeTrue(doc != null, "no " + SCAN + " beside the repository: third-party files absent");
        Page p78 = pages.stream().filter(p -> p.number() == 78).findFirst().orElseThrow();
        assertThat(p78.width()).as("p78 read in its print's (landscape) frame").isGreaterThan(p78.height());
        ExtractedTable t = doc.tables().stream().filter(x -> x.pageFrom() <= 78 && 78 <= x.pageTo()).findFirst()
                .orElseThrow(() -> new AssertionError("no table over p78: " + doc.tables().stream().map(ExtractedTable::formNo).toList()));
        assertThat(t.formNo()).isEqualTo("表56");
        assertThat(t.title()).contains("一般性转移支付");
        // its unit line read MA:万元 (单位 garbled, sideways), at the unit line's place: the unit word was read
        assertThat(t.unit()).isEqualTo("万元");
        // read by eye on the scan turned upright: 济南高新区, 小计 66775, 结算补助收入 30323
        TableRow row = t.rows().stream().filter(r -> "济南高新区".equals(TruthRows.label(r))).findFirst()
                .orElseThrow(() -> new AssertionError("no row 济南高新区: " + t.rows().stream().map(TruthRows::label).toList()));
        String subtotal = t.columns().stream().filter(c -> c.contains("小计")).findFirst().orElseThrow();
        CellValue cell = row.cells().get(subtotal);
        assertThat(cell.value()).isEqualTo("66775");
        assertThat(row.cells().values().stream().map(CellValue::value)).contains("30323");
    }
}

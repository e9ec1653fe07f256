package reportingest.reconcile.books;

import reportingest.eval.books.BookPipeline;
import reportingest.eval.books.TruthRows;
import reportingest.layout.Page;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The long run of issue #21 for a scanned book against a truth CSV of row values (not a test: the whole 210-page scan
 * takes about 4 s a page). Reads the PDF through the service's own stages ({@link BookPipeline}; {@code -Dengines=}
 * for the OCR engines), recognises, reconciles and validates, and scores with {@link TruthRows}.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) reportingest.reconcile.books.ScanBookScore \
 *     ../shared/external/city_finance_cn/c01_jinan_2021_final_scan.pdf ../shared/external/city_finance_cn/truth_c01_from_c03.csv \
 *     [first=N] [year=2021] [pages=/tmp/pages.json] [differs=src/test/resources/books/c01-print-differs.tsv] [dump]
 * </pre>
 * {@code first=N}: the book page number of the PDF's first page (for a page range cut out with pdfseparate/pdfunite);
 * {@code pages=FILE}: read the OCR'd pages from FILE when it exists, else write them there (outside the repository),
 * so reconcile changes are measured in seconds; {@code differs=FILE}: the rows where the scan prints another label
 * or value than the CSV (read by eye; see {@link TruthRows#read(Path, int, int, Path)}); {@code dump}: print every
 * delivered table.
 */
public final class ScanBookScore {
    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]), csv = Path.of(args[1]);
        int first = 1;
        String year = "2021";
        Path cache = null;
        boolean dump = false;
        Path differs = null;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("first=")) first = Integer.parseInt(args[i].substring(6));
            else if (args[i].startsWith("year=")) year = args[i].substring(5);
            else if (args[i].startsWith("pages=")) cache = Path.of(args[i].substring(6));
            else if (args[i].equals("dump")) dump = true;
            else if (args[i].startsWith("differs=")) differs = Path.of(args[i].substring(8));
        }
        long t0 = System.nanoTime();
        List<Page> pages = pages(pdf, first, cache);
        long t1 = System.nanoTime();
        ExtractedDocument doc = read(pages);
        long t2 = System.nanoTime();
        int from = pages.get(0).number(), to = pages.get(pages.size() - 1).number();
        List<TruthRows.Row> truth = differs == null ? TruthRows.read(csv, from, to) : TruthRows.read(csv, from, to, differs);
        List<TruthRows.Result> results = TruthRows.score(doc, truth, year);
        if (dump) {
            for (ExtractedTable t : doc.tables()) {
                System.out.printf("### %s [%s] %s p%d-%d unit=%s cols=%s flags=%s%n", t.formNo(), t.title(), t.schema(),
                        t.pageFrom(), t.pageTo(), t.unit(), t.columns(), t.flags().stream().map(f -> f.code()).toList());
                for (TableRow r : t.rows()) {
                    StringBuilder sb = new StringBuilder("   " + r.key() + " " + r.status() + " |");
                    r.cells().forEach((k, v) -> sb.append(' ').append(v == null ? "-" : v.value()).append(v != null && !v.flags().isEmpty() ? "!" : ""));
                    System.out.println(sb);
                }
            }
        }
        for (TruthRows.Result r : results) {
            if (r.outcome() != TruthRows.Outcome.EXACT)
                System.out.printf("%s p%d %s %s want %s got %s: %s%n", r.outcome(), r.truth().page(), r.truth().table(),
                        r.truth().label(), r.truth().value(), r.got(), r.why());
        }
        Map<TruthRows.Outcome, Integer> n = TruthRows.counts(results);
        System.out.printf("pages %d-%d (%d): %d truth rows: exact %d, wrong flagged %d (%d of them by SCHEMA_UNKNOWN alone), "
                        + "wrong unflagged %d, missing %d; read %.1f s/page, tables %.1f s; %d tables%n", from, to, pages.size(), results.size(),
                n.get(TruthRows.Outcome.EXACT), n.get(TruthRows.Outcome.WRONG_FLAGGED), results.stream().filter(TruthRows.Result::schemaOnly).count(),
                n.get(TruthRows.Outcome.WRONG_UNFLAGGED),
                n.get(TruthRows.Outcome.MISSING), (t1 - t0) / 1e9 / pages.size(), (t2 - t1) / 1e9, doc.tables().size());
    }

    /**
     * The scan's pages as the service OCRs them ({@link BookPipeline}; {@code -Dengines=} for the engines), numbered from
     * {@code first}; read from {@code cache} when it exists, else OCR'd and written there (when not null).
     */
    static List<Page> pages(Path pdf, int first, Path cache) throws Exception {
        try (BookPipeline pipeline = new BookPipeline(Map.of("ingest.ocr.engines", System.getProperty("engines", "tesseract")))) {
            if (cache != null && Files.isRegularFile(cache)) return pipeline.pages(pdf, cache); // kept as numbered
            List<Page> pages = renumber(pipeline.pages(pdf, null), first);
            if (cache != null) Files.writeString(cache, reportingest.store.Json.MAPPER.writeValueAsString(pages));
            return pages;
        }
    }

    /** Tables recognised, reconciled and validated by the service's own stages. */
    static ExtractedDocument read(List<Page> pages) throws Exception {
        try (BookPipeline pipeline = new BookPipeline(Map.of())) {
            return pipeline.read(pages).document();
        }
    }

    static List<Page> renumber(List<Page> pages, int first) {
        if (first == 1) return pages;
        List<Page> out = new ArrayList<>();
        for (Page p : pages)
            out.add(new Page(p.number() + first - 1, p.width(), p.height(), p.origin(), p.lines(), p.rulings(), p.otherReadings()));
        return out;
    }
}

package reportingest.eval.books;

import reportingest.reconcile.ExtractedTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads every PDF of a folder of government books (such as ../shared/external/city_finance_cn) through
 * {@link BookPipeline} and measures each as a {@link GovernmentBook}. What a book is measured against is found by its
 * local name (the file name up to its first {@code _}: c01): a truth CSV in the folder naming it
 * ({@code truth_c01_from_c03.csv} scores c01 by its own pages and c03 by the pages it was taken from), and in
 * {@code truthDir} a file of the forms printed with their titles ({@code c01-printed-forms.tsv}, for a scan, where
 * OCR'd lines would misread numbers) and a file of rows the book prints otherwise than the truth
 * ({@code c01-print-differs.tsv}). Without a forms file the printed form numbers are read by pdftotext (a text layer)
 * or from the OCR'd lines (a scan).
 */
public final class GovernmentBooks {
    private GovernmentBooks() {}

    /**
     * @param cacheDir where the OCR'd pages of scans are kept ({@code <file>.pages.json}), null for none
     */
    public static List<GovernmentBook> measure(Path dir, Path truthDir, Path cacheDir, Map<String, String> settings) throws Exception {
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(dir)) {
            pdfs = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf")).sorted().toList();
        }
        List<GovernmentBook> out = new ArrayList<>();
        try (BookPipeline pipeline = new BookPipeline(settings)) {
            for (Path pdf : pdfs) {
                long t0 = System.nanoTime();
                Path cache = cacheDir == null ? null : cacheDir.resolve(pdf.getFileName() + ".pages.json");
                BookPipeline.Read read = pipeline.read(pdf, cache);
                GovernmentBook b = measure(pdf, read, truthDir, (System.nanoTime() - t0) / 1e9);
                System.err.printf("eval: book %s, %d pages, %.0f s%n", pdf.getFileName(), b.pages(), b.seconds());
                out.add(b);
            }
        }
        return out;
    }

    static GovernmentBook measure(Path pdf, BookPipeline.Read read, Path truthDir, double seconds) throws IOException {
        String name = pdf.getFileName().toString();
        String local = name.contains("_") ? name.substring(0, name.indexOf('_')) : name.replaceFirst("\\.[^.]*$", "");
        List<ExtractedTable> tables = read.document().tables();
        Path formsFile = truthDir == null ? null : truthDir.resolve(local + "-printed-forms.tsv");
        FormCensus census;
        TitleCensus titles = null;
        boolean titlesKnown = false;
        if (formsFile != null && Files.isRegularFile(formsFile)) {
            PrintedForms.Listed listed = PrintedForms.read(formsFile);
            titlesKnown = !listed.titles().isEmpty();
            census = FormCensus.of(listed.pages(), listed.units(), listed.titles(), tables);
            if (titlesKnown) titles = TitleCensus.of(listed.titles(), tables);
        } else {
            boolean scan = read.pages().stream().allMatch(p -> p.origin() == reportingest.layout.PageOrigin.OCR);
            Map<String, TreeSet<Integer>> printed = scan || !PrintedForms.available()
                    ? PrintedForms.ofPages(read.pages()) : PrintedForms.of(pdf);
            census = FormCensus.of(printed, tables);
        }
        int unknown = (int) tables.stream().filter(t -> "unknown".equals(t.schema())).count();
        BookFigures figures = BookFigures.of(read);
        return new GovernmentBook(name, read.pages().size(), census.printed(), census.delivered(), titlesKnown,
                census.doubled().size(), census.unnumbered().size(), tables.size(), unknown,
                truth(pdf.getParent(), local, read, truthDir), figures.read().size(), figures.checks().size(),
                figures.holding(), titles, seconds);
    }

    /** The book scored against a truth CSV of its folder that names it, as the read book or as the source; null if none. */
    private static GovernmentBook.Truth truth(Path dir, String local, BookPipeline.Read read, Path truthDir) throws IOException {
        List<Path> csvs;
        try (Stream<Path> s = Files.list(dir)) {
            csvs = s.filter(p -> p.getFileName().toString().matches("truth_.*_from_.*\\.csv")).sorted().toList();
        }
        for (Path csv : csvs) {
            String n = csv.getFileName().toString();
            List<TruthRows.Row> rows;
            if (n.startsWith("truth_" + local + "_from_")) {
                Path differs = truthDir == null ? null : truthDir.resolve(local + "-print-differs.tsv");
                int from = read.pages().get(0).number(), to = read.pages().get(read.pages().size() - 1).number();
                rows = differs != null && Files.isRegularFile(differs) ? TruthRows.read(csv, from, to, differs) : TruthRows.read(csv, from, to);
            } else if (n.endsWith("_from_" + local + ".csv")) {
                rows = TruthRows.readSource(csv);
            } else {
                continue;
            }
            Map<TruthRows.Outcome, Integer> c = TruthRows.counts(TruthRows.score(read.document(), rows, TruthRows.year(csv)));
            return new GovernmentBook.Truth(n, rows.size(), c.get(TruthRows.Outcome.EXACT), c.get(TruthRows.Outcome.WRONG_FLAGGED),
                    c.get(TruthRows.Outcome.WRONG_UNFLAGGED), c.get(TruthRows.Outcome.MISSING));
        }
        return null;
    }
}

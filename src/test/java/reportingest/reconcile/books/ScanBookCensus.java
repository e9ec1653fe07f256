package reportingest.reconcile.books;

import reportingest.eval.books.FormCensus;
import reportingest.eval.books.PrintedForms;
import reportingest.eval.books.TitleCensus;
import reportingest.layout.Page;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbered tables of a scanned book (issue #21, not a test): the tables the pipeline exports (form number, title,
 * unit, page span, schema, rows) against the form numbers the book prints. A scan has no text layer for
 * {@link PrintedForms} to read with pdftotext, so the printed numbers are read from the OCR'd pages' own lines (a line
 * starting with a form number, contents pages left out) by the same rule; a number OCR misread on every page printing
 * it is missing from that list, which {@code expect=N} (the book numbers its forms 表1…表N) shows as "not read";
 * {@code printed=FILE} (form number, pages printing it, unit printed or -; read by eye) replaces that list, and what
 * the OCR'd lines read otherwise is printed. With it, a form counts only with the unit it prints (none where it
 * prints none); a fourth column, the title as printed, makes a form count only with that title
 * ({@link FormCensus}), and the titles exported otherwise are listed, misread or a line short.
 * Set-up (OCR, page cache, reading) is {@link ScanBookScore}'s.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) reportingest.reconcile.books.ScanBookCensus \
 *     ../shared/external/city_finance_cn/c01_jinan_2021_final_scan.pdf pages=/tmp/c01-pages.json [first=N] [expect=N] \
 *     [printed=src/test/resources/books/c01-printed-forms.tsv]
 * </pre>
 * A printed form counts as found as {@link FormCensus} has it (a table with its number, a title, a unit and a span
 * over a page printing it). A form exported as two tables or more is <i>split</i> when their spans do not overlap (a
 * table continued over pages not stitched), <i>doubled</i> when they do; a table with no form number whose first page
 * lies between a form's first printed page and the next form's is listed under that form.
 */
public final class ScanBookCensus {
    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]), cache = null, printedFile = null;
        int first = 1, expect = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("first=")) first = Integer.parseInt(args[i].substring(6));
            else if (args[i].startsWith("pages=")) cache = Path.of(args[i].substring(6));
            else if (args[i].startsWith("expect=")) expect = Integer.parseInt(args[i].substring(7));
            else if (args[i].startsWith("printed=")) printedFile = Path.of(args[i].substring(8));
        }
        List<Page> pages = ScanBookScore.pages(pdf, first, cache);
        ExtractedDocument doc = ScanBookScore.read(pages);
        Map<String, TreeSet<Integer>> read = PrintedForms.ofPages(pages), printed = read;
        Map<String, String> units = new HashMap<>(), titles = new HashMap<>();
        if (printedFile != null) {
            PrintedForms.Listed listed = PrintedForms.read(printedFile);
            printed = listed.pages();
            units = listed.units();
            titles = listed.titles();
            List<String> differ = new ArrayList<>();
            for (String k : printed.keySet()) if (!printed.get(k).equals(read.get(k))) differ.add(k + printed.get(k) + " read " + read.get(k));
            for (String k : read.keySet()) if (!printed.containsKey(k)) differ.add(k + " read " + read.get(k) + ", not printed");
            System.out.println("== printed forms from " + printedFile + ": " + printed.size() + "; as OCR'd lines read them otherwise: "
                    + differ.size() + " " + differ);
        }

        System.out.println("== exported tables: form | title | unit | pages | schema | rows");
        for (ExtractedTable t : doc.tables())
            System.out.printf("%s | %s | %s | %d-%d | %s | %d%n", t.formNo(), t.title(), t.unit(), t.pageFrom(), t.pageTo(),
                    t.schema(), t.rows().size());

        System.out.println("== printed form numbers (OCR'd lines): form | pages printing it");
        printed.forEach((k, v) -> System.out.println(k + " | " + v));
        if (expect > 0) {
            List<String> notRead = new ArrayList<>();
            for (int n = 1; n <= expect; n++)
                if (!read.containsKey("表" + n) && !read.containsKey(String.format("表%02d", n))) notRead.add("表" + n);
            System.out.println("== of 表1…表" + expect + ", not read as printed on any page: " + notRead.size() + " " + notRead);
        }

        FormCensus census = FormCensus.of(printed, units, titles, doc.tables());
        // a form's printed stretch: its first printed page up to the next form's first printed page
        TreeMap<Integer, String> starts = new TreeMap<>();
        printed.forEach((k, v) -> starts.putIfAbsent(v.first(), k));
        Map<String, List<ExtractedTable>> byForm = new TreeMap<>();
        List<String> split = new ArrayList<>(), doubled = new ArrayList<>(), apart = new ArrayList<>(), orphans = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            if (t.formNo() != null) byForm.computeIfAbsent(PrintedForms.normal(t.formNo()), k -> new ArrayList<>()).add(t);
            else {
                Map.Entry<Integer, String> e = starts.floorEntry(t.pageFrom());
                orphans.add((e == null ? "(before any form)" : e.getValue()) + " <- p" + t.pageFrom() + "-" + t.pageTo()
                        + " [" + t.title() + "] rows=" + t.rows().size());
            }
        }
        for (Map.Entry<String, List<ExtractedTable>> e : byForm.entrySet()) {
            List<ExtractedTable> ts = e.getValue();
            if (ts.size() < 2) continue;
            boolean overlap = false, gap = false;
            for (int i = 0; i < ts.size(); i++)
                for (int j = i + 1; j < ts.size(); j++)
                    overlap |= ts.get(i).pageFrom() <= ts.get(j).pageTo() && ts.get(j).pageFrom() <= ts.get(i).pageTo();
            for (int i = 1; i < ts.size(); i++) gap |= ts.get(i).pageFrom() > ts.get(i - 1).pageTo() + 1;
            StringBuilder sb = new StringBuilder(e.getKey());
            for (ExtractedTable t : ts) sb.append(" p").append(t.pageFrom()).append('-').append(t.pageTo()).append('(').append(t.rows().size()).append(')');
            (overlap ? doubled : gap ? apart : split).add(sb.toString());
        }
        System.out.printf("== census: printed %d, found %d (%.1f%%)%n", census.printed(), census.delivered(),
                census.printed() == 0 ? 0.0 : 100.0 * census.delivered() / census.printed());
        if (!titles.isEmpty()) {
            // the older measure, any title present: how far the titles alone keep the count down
            FormCensus present = FormCensus.of(printed, units, doc.tables());
            System.out.printf("found with a title present, as printed or not: %d (%.1f%%)%n", present.delivered(),
                    100.0 * present.delivered() / present.printed());
        }
        System.out.println("missing " + census.missing().size() + ": " + census.missing());
        System.out.println("missing for the unit alone " + census.missing().stream().filter(m -> m.contains("(no unit)") || m.contains("(unit ")).count());
        System.out.println("missing for the title alone " + census.missing().stream().filter(m -> m.contains("(title ")).count());
        // a title not as printed: shorter by a few characters or more (a line lost), or its characters misread; and
        // whether TITLE_UNCERTAIN says so
        TitleCensus t = TitleCensus.of(titles, doc.tables());
        System.out.println("exported titles compared with the print: " + t.compared() + "; as printed " + t.asPrinted()
                + " (flagged TITLE_UNCERTAIN all the same " + t.asPrintedFlagged() + "), wrong but flagged " + t.wrongFlagged()
                + ", wrong unflagged " + t.wrongUnflagged());
        t.rightButFlagged().forEach(m -> System.out.println("  right, flagged " + m));
        t.wrong().forEach(m -> System.out.println("  " + m));
        System.out.println("lumped (not counted as found) " + census.lumped().size() + ": " + census.lumped());
        System.out.println("split " + split.size() + ": " + split);
        System.out.println("doubled " + doubled.size() + ": " + doubled);
        System.out.println("one number on tables apart (a misread number?) " + apart.size() + ": " + apart);
        System.out.println("exported with a number not printed " + census.unprinted().size() + ": " + census.unprinted());
        System.out.println("unnumbered tables " + orphans.size() + ", under the form printed before them:");
        orphans.forEach(o -> System.out.println("  " + o));
    }
}

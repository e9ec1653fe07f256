package reportingest.eval.books;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The "government books" section of bin/eval: one line per book, a total line, and its keys in the JSON. */
public final class GovernmentBooksReport {
    private static final String ROW = "%-34s %5s | %9s %7s %5s | %7s %6s | %-28s | %-14s | %-12s";

    private GovernmentBooksReport() {}

    public static List<String> lines(List<GovernmentBook> books) { return lines(books, false); }

    /** @param everyWrongTitle also list the titles read wrong but flagged (to study what OCR does to them) */
    public static List<String> lines(List<GovernmentBook> books, boolean everyWrongTitle) {
        List<String> out = new ArrayList<>();
        out.add("government books (政府预算/决算; forms as printed: number, title, unit, span; truth rows: exact/wrong flagged/wrong unflagged/missing)");
        out.add(String.format(ROW, "book", "pages", "forms", "doubled", "unnum", "tables", "unknwn",
                "truth rows ex/wf/w!/miss", "说明 read/chk/ok", "titles p/wf/w!"));
        for (GovernmentBook b : books) {
            out.add(String.format(ROW, b.file(), b.pages(), b.formsDelivered() + "/" + b.formsPrinted() + (b.titlesKnown() ? "t" : ""),
                    b.doubled(), b.unnumbered(), b.tables(), b.tablesUnknown(), truth(b.truth()),
                    b.narrativeRead() + "/" + b.narrativeChecked() + "/" + b.narrativeHolding(), titles(b.titles())));
        }
        Total t = Total.of(books);
        out.add(String.format(ROW, "TOTAL (" + books.size() + " books)", t.pages, t.delivered + "/" + t.printed, t.doubled, t.unnumbered,
                t.tables, t.unknown, t.truthRows == 0 ? "-" : t.exact + "/" + t.wrongFlagged + "/" + t.wrongUnflagged + "/" + t.missing
                        + " of " + t.truthRows, t.read + "/" + t.checked + "/" + t.holding,
                t.titlesCompared == 0 ? "-" : t.titlesRight + "/" + t.titlesWrongFlagged + "/" + t.titlesWrongUnflagged));
        out.add(String.format(Locale.ROOT, "forms delivered %d of %d printed (%s); truth rows exact %d of %d, WRONG UNFLAGGED %d; "
                        + "titles known: as printed %d of %d, wrong flagged %d, WRONG UNFLAGGED %d (%d as printed but flagged)",
                t.delivered, t.printed, pct(t.delivered, t.printed), t.exact, t.truthRows, t.wrongUnflagged, t.titlesRight,
                t.titlesCompared, t.titlesWrongFlagged, t.titlesWrongUnflagged, t.titlesRightFlagged));
        out.add("(forms d/p: delivered of printed, 't' where the printed titles are known and only the title as printed counts)");
        // the silent errors by name, so that a count above 0 can be looked at
        for (GovernmentBook b : books) {
            if (b.titles() == null) continue;
            for (String w : b.titles().wrong()) if (everyWrongTitle || w.startsWith("UNFLAGGED")) out.add("  " + b.file() + ": title " + w);
        }
        return out;
    }

    public static void json(ObjectNode o, List<GovernmentBook> books) {
        Total t = Total.of(books);
        ObjectNode g = o.putObject("government_books");
        g.put("books", books.size());
        g.put("pages", t.pages);
        g.put("forms_printed", t.printed);
        g.put("forms_delivered", t.delivered);
        g.put("doubled", t.doubled);
        g.put("unnumbered", t.unnumbered);
        g.put("tables", t.tables);
        g.put("tables_unknown", t.unknown);
        g.put("truth_rows", t.truthRows);
        g.put("truth_exact", t.exact);
        g.put("truth_wrong_flagged", t.wrongFlagged);
        g.put("truth_wrong_unflagged", t.wrongUnflagged);
        g.put("truth_missing", t.missing);
        g.put("narrative_read", t.read);
        g.put("narrative_checked", t.checked);
        g.put("narrative_holding", t.holding);
        g.put("titles_compared", t.titlesCompared);
        g.put("titles_as_printed", t.titlesRight);
        g.put("titles_as_printed_flagged", t.titlesRightFlagged);
        g.put("titles_wrong_flagged", t.titlesWrongFlagged);
        g.put("titles_wrong_unflagged", t.titlesWrongUnflagged);
    }

    private static String truth(GovernmentBook.Truth t) {
        return t == null ? "-" : t.exact() + "/" + t.wrongFlagged() + "/" + t.wrongUnflagged() + "/" + t.missing() + " of " + t.rows();
    }

    private static String titles(TitleCensus t) {
        return t == null ? "-" : t.asPrinted() + "/" + t.wrongFlagged() + "/" + t.wrongUnflagged() + " of " + t.compared();
    }

    private static String pct(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * a / b);
    }

    /** The class's sums. */
    private static final class Total {
        int pages, printed, delivered, doubled, unnumbered, tables, unknown, truthRows, exact, wrongFlagged, wrongUnflagged,
                missing, read, checked, holding, titlesCompared, titlesRight, titlesRightFlagged, titlesWrongFlagged, titlesWrongUnflagged;

        static Total of(List<GovernmentBook> books) {
            Total t = new Total();
            for (GovernmentBook b : books) {
                t.pages += b.pages();
                t.printed += b.formsPrinted();
                t.delivered += b.formsDelivered();
                t.doubled += b.doubled();
                t.unnumbered += b.unnumbered();
                t.tables += b.tables();
                t.unknown += b.tablesUnknown();
                if (b.truth() != null) {
                    t.truthRows += b.truth().rows();
                    t.exact += b.truth().exact();
                    t.wrongFlagged += b.truth().wrongFlagged();
                    t.wrongUnflagged += b.truth().wrongUnflagged();
                    t.missing += b.truth().missing();
                }
                t.read += b.narrativeRead();
                t.checked += b.narrativeChecked();
                t.holding += b.narrativeHolding();
                if (b.titles() != null) {
                    t.titlesCompared += b.titles().compared();
                    t.titlesRight += b.titles().asPrinted();
                    t.titlesRightFlagged += b.titles().asPrintedFlagged();
                    t.titlesWrongFlagged += b.titles().wrongFlagged();
                    t.titlesWrongUnflagged += b.titles().wrongUnflagged();
                }
            }
            return t;
        }
    }
}

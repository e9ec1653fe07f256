package reportingest.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reportingest.eval.books.GovernmentBook;
import reportingest.eval.books.GovernmentBooksReport;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bin/eval output: the run's label, a fixed-width table for people (one line per document and
 * per table, a total line), the headline measures, a table per input variant, and as the very last
 * line one JSON object. The JSON's first keys and their order are the DESIGN.md contract; the keys
 * after them are additions old readers can ignore.
 */
public final class EvalReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROW = "%-44s %6s %4s %9s | %7s %7s %6s %6s %6s | %11s | %11s | %13s | %11s";
    private static final String VARIANT_ROW = "%-16s %5s | %7s %7s %6s %6s %6s | %11s | %11s | %9s %9s | %13s | %11s";

    private final List<DocumentScore> documents = new ArrayList<>();
    private final List<EvalError> errors = new ArrayList<>();
    private final List<BudgetDocument> budgets = new ArrayList<>();
    private final List<GovernmentBook> books = new ArrayList<>();
    private final boolean listSilentErrors;
    private final String label;
    private String source = "";

    public EvalReport() { this(false); }

    /** @param listSilentErrors also print each wrong unflagged cell under its document */
    public EvalReport(boolean listSilentErrors) { this(listSilentErrors, RunLabel.UNLABELLED); }

    /** @param label what kind of evidence the run is: in-sample, out-of-sample, … (printed and in the JSON) */
    public EvalReport(boolean listSilentErrors, String label) {
        this.listSilentErrors = listSilentErrors;
        this.label = label;
    }

    /** What was run, for people and the JSON's {@code source} (the inputs folder, or the generated set). */
    public EvalReport source(String source) {
        this.source = source;
        return this;
    }

    public EvalReport add(DocumentScore score) {
        documents.add(score);
        return this;
    }

    public EvalReport addError(EvalError error) {
        errors.add(error);
        return this;
    }

    public List<DocumentScore> documents() { return List.copyOf(documents); }
    public List<EvalError> errors() { return List.copyOf(errors); }

    /** A budget document, reported as its own class (tables by schema, rows accepted, unknown tables). */
    public EvalReport addBudget(BudgetDocument budget) {
        budgets.add(budget);
        return this;
    }

    public List<BudgetDocument> budgets() { return List.copyOf(budgets); }

    /** Government books (--books DIR), their own class: forms printed and delivered, truth rows, 说明 figures. */
    public EvalReport addBooks(List<GovernmentBook> more) {
        books.addAll(more);
        return this;
    }

    public List<GovernmentBook> books() { return List.copyOf(books); }
    public String label() { return label; }

    public EvalCounts total() {
        return EvalCounts.sum(documents.stream().map(DocumentScore::counts).toList());
    }

    public Measures measures() {
        return Measures.sum(documents.stream().map(DocumentScore::measures).toList());
    }

    /** Totals per input variant (file name's variant part), in order of first appearance. */
    public Map<String, VariantTotal> variants() {
        return totalsBy(d -> Optional.of(Variants.of(d)));
    }

    /** Totals per producer, face or scan variant of the generated inputs ({@link Facets}); empty for other inputs. */
    public Map<String, VariantTotal> facets(Function<Facets, String> facet) {
        return totalsBy(d -> Facets.of(d).map(facet));
    }

    private Map<String, VariantTotal> totalsBy(Function<String, Optional<String>> key) {
        Map<String, VariantTotal> ordered = new LinkedHashMap<>();
        for (DocumentScore d : documents) {
            key.apply(d.document()).ifPresent(k -> ordered.merge(k, new VariantTotal(1, d.counts(), d.measures()), VariantTotal::plus));
        }
        return ordered;
    }

    public record VariantTotal(int documents, EvalCounts counts, Measures measures) {
        VariantTotal plus(VariantTotal o) {
            return new VariantTotal(documents + o.documents, counts.plus(o.counts), measures.plus(o.measures));
        }
    }

    /** All lines, the JSON summary last. */
    public List<String> lines(int pages, double seconds) {
        List<String> out = new ArrayList<>();
        out.add("eval run: " + label + (source.isEmpty() ? "" : " — " + source));
        if (documents.isEmpty() && errors.isEmpty() && budgets.isEmpty() && !books.isEmpty()) {
            // bin/eval --books DIR alone: no scored documents to tabulate
            out.addAll(GovernmentBooksReport.lines(books, listSilentErrors));
            out.add(summaryJson(total(), measures(), pages, seconds));
            return out;
        }
        out.add(String.format(ROW, "document / table", "tables", "+ext", "rows", "printed", "right", "wr:fl", "wr:!",
                "miss", "blank ok/all", "labels ok", "narr ok/all+inv", "flagged/all"));
        for (DocumentScore d : documents) {
            Measures m = d.measures();
            EvalCounts c = d.counts();
            out.add(line(d.document(), c.tablesFound() + "/" + c.tablesExpected(), c.tablesExtra(),
                    m.rowsMatched() + "/" + m.rowsExpected() + plus(m.rowsExtra()), c, m, narrative(m.narrative())));
            for (TableScore t : d.tables()) {
                String tables = switch (t.outcome()) {
                    case FOUND -> "found";
                    case NOT_FOUND -> "MISSING";
                    case EXTRA -> "extra";
                };
                String rows = t.outcome() == TableScore.Outcome.EXTRA
                        ? "+" + t.rowsExtra()
                        : t.rowsMatched() + "/" + t.rowsExpected() + plus(t.rowsExtra());
                out.add(line("  " + t.name(), tables, t.counts().tablesExtra(), rows, t.counts(), t.measures(), ""));
            }
            if (listSilentErrors) {
                for (CellMismatch mm : d.mismatches()) {
                    if (mm.kind() != CellMismatch.Kind.WRONG_UNFLAGGED) continue;
                    out.add("    ! " + mm.schema() + " | " + mm.row() + " | " + mm.column()
                            + " | expected " + mm.expected() + " got " + mm.actual());
                }
            }
        }
        for (EvalError e : errors) out.add(String.format("%-44s ERROR: %s", e.input(), e.problem()));
        EvalCounts total = total();
        Measures m = measures();
        out.add(line("TOTAL (" + total.documents() + " documents, " + errors.size() + " errors)",
                total.tablesFound() + "/" + total.tablesExpected(), total.tablesExtra(),
                m.rowsMatched() + "/" + m.rowsExpected() + plus(m.rowsExtra()), total, m, narrative(m.narrative())));
        out.add("");
        out.addAll(headline(m));
        out.add("");
        out.addAll(variantTable("variant", variants()));
        for (Map.Entry<String, Function<Facets, String>> f : FACETS.entrySet()) {
            Map<String, VariantTotal> totals = facets(f.getValue());
            if (totals.isEmpty()) continue;
            out.add("");
            out.addAll(variantTable(f.getKey(), totals));
        }
        if (!budgets.isEmpty()) {
            out.add("");
            out.addAll(budgetTable());
        }
        if (!books.isEmpty()) {
            out.add("");
            out.addAll(GovernmentBooksReport.lines(books, listSilentErrors));
        }
        out.add(summaryJson(total, m, pages, seconds));
        return out;
    }

    public String render(int pages, double seconds) {
        return String.join("\n", lines(pages, seconds)) + "\n";
    }

    public void print(PrintStream out, int pages, double seconds) {
        lines(pages, seconds).forEach(out::println);
        out.flush();
    }

    /** The figures that matter, each on its own line: printed amounts apart from blanks and labels. */
    private List<String> headline(Measures m) {
        Outcomes p = m.printed(), b = m.blanks(), l = m.labels();
        NarrativeCounts n = m.narrative();
        return List.of(
                String.format(Locale.ROOT, "printed amounts (truth non-blank): %d/%d right (%s), wrong flagged %d, "
                        + "WRONG UNFLAGGED %d, missing %d", p.right(), p.expected(), pct(p.right(), p.expected()),
                        p.wrongFlagged(), p.wrongUnflagged(), p.missing()),
                String.format(Locale.ROOT, "blank cells (truth blank): %d/%d left blank, got a value %d (flagged %d), missing %d",
                        b.right(), b.expected(), b.wrong(), b.wrongFlagged(), b.missing()),
                String.format(Locale.ROOT, "row labels: %d/%d right, wrong flagged %d, wrong unflagged %d, row missing %d",
                        l.right(), l.expected(), l.wrongFlagged(), l.wrongUnflagged(), l.missing()),
                String.format(Locale.ROOT, "extra (in the export, not in truth): %d tables, %d rows", m.tablesExtra(), m.rowsExtra()),
                String.format(Locale.ROOT, "narrative facts: %d/%d right, wrong %d, missing %d, invented %d",
                        n.right(), n.expected(), n.wrong(), n.missing(), n.invented()),
                String.format(Locale.ROOT, "errors (inputs not scored): %d", errors.size()));
    }

    /** The facet tables, printed after the variant table when the inputs are the producer corpus's. */
    private static final Map<String, Function<Facets, String>> FACETS = facetKeys();

    private static Map<String, Function<Facets, String>> facetKeys() {
        Map<String, Function<Facets, String>> m = new LinkedHashMap<>();
        m.put("producer", Facets::producer);
        m.put("font", Facets::face);
        m.put("scan variant", Facets::scan);
        return m;
    }

    private List<String> variantTable(String name, Map<String, VariantTotal> totals) {
        List<String> out = new ArrayList<>();
        int width = Math.max(16, totals.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + VARIANT_ROW.substring(VARIANT_ROW.indexOf('s'));
        out.add(String.format(row, name, "docs", "printed", "right", "wr:fl", "wr:!", "miss",
                "blank ok/all", "labels ok", "+tables", "+rows", "narr ok/all+inv", "flagged/all"));
        totals.forEach((v, t) -> {
            Measures m = t.measures();
            Outcomes p = m.printed();
            out.add(String.format(row, v, t.documents(), p.expected(), p.right(), p.wrongFlagged(),
                    p.wrongUnflagged(), p.missing(), m.blanks().right() + "/" + m.blanks().expected(),
                    m.labels().right() + "/" + m.labels().expected(), m.tablesExtra(), m.rowsExtra(),
                    narrative(m.narrative()), t.counts().cellsFlagged() + "/" + t.counts().cellsExported()));
        });
        return out;
    }

    private void totalsJson(ObjectNode into, Map<String, VariantTotal> totals) {
        totals.forEach((v, t) -> {
            ObjectNode n = into.putObject(v);
            n.put("documents", t.documents());
            measuresJson(n, t.measures());
            n.put("cells_flagged", t.counts().cellsFlagged());
            n.put("cells_exported", t.counts().cellsExported());
        });
    }

    private static final String BUDGET_ROW = "%-44s %5s %5s | %6s %7s | %13s %6s | %s";

    /** Budget documents, their own class: one line each and a total. */
    private List<String> budgetTable() {
        List<String> out = new ArrayList<>();
        out.add("budget documents (部门/单位预算; scored by their own identities, no truth)");
        out.add(String.format(BUDGET_ROW, "document", "year", "level", "tables", "unknown", "rows accepted", "%", "tables by schema"));
        int recognised = 0, unknown = 0, rows = 0, accepted = 0;
        for (BudgetDocument b : budgets) {
            out.add(String.format(BUDGET_ROW, b.document(), b.fiscalYear() == null ? "-" : b.fiscalYear(),
                    b.level() == null ? "-" : b.level(), b.tablesRecognised(), b.tablesUnknown(),
                    b.rowsAccepted() + "/" + b.rows(), pct(b.rowsAccepted(), b.rows()), b.tablesBySchema()));
            recognised += b.tablesRecognised();
            unknown += b.tablesUnknown();
            rows += b.rows();
            accepted += b.rowsAccepted();
        }
        out.add(String.format(BUDGET_ROW, "TOTAL (" + budgets.size() + " budget documents)", "", "", recognised, unknown,
                accepted + "/" + rows, pct(accepted, rows), ""));
        return out;
    }

    private void budgetsJson(ObjectNode o) {
        ObjectNode b = o.putObject("budgets");
        b.put("documents", budgets.size());
        b.put("tables_recognised", budgets.stream().mapToInt(BudgetDocument::tablesRecognised).sum());
        b.put("tables_unknown", budgets.stream().mapToInt(BudgetDocument::tablesUnknown).sum());
        b.put("rows", budgets.stream().mapToInt(BudgetDocument::rows).sum());
        b.put("rows_accepted", budgets.stream().mapToInt(BudgetDocument::rowsAccepted).sum());
        b.put("unknown_rows", budgets.stream().mapToInt(BudgetDocument::unknownRows).sum());
        ObjectNode bySchema = b.putObject("tables_by_schema");
        java.util.Map<String, Integer> totals = new java.util.TreeMap<>();
        for (BudgetDocument d : budgets) d.tablesBySchema().forEach((k, v) -> totals.merge(k, v, Integer::sum));
        totals.forEach(bySchema::put);
    }

    /** The machine-readable summary: the contract keys first, in their order, then the additions. */
    String summaryJson(EvalCounts c, Measures m, int pages, double seconds) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("documents", c.documents());
        o.put("tables_expected", c.tablesExpected());
        o.put("tables_found", c.tablesFound());
        o.put("cells_expected", c.cellsExpected());
        o.put("cells_correct", c.cellsCorrect());
        o.put("cells_wrong_flagged", c.cellsWrongFlagged());
        o.put("cells_wrong_unflagged", c.cellsWrongUnflagged());
        o.put("cells_missing", c.cellsMissing());
        o.put("cells_flagged", c.cellsFlagged());
        o.put("pages", pages);
        // Milliseconds are plenty and keep the line stable to read.
        o.put("seconds", Double.isFinite(seconds)
                ? BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP) : BigDecimal.ZERO);
        // Additions (2026-12): old readers ignore them.
        o.put("label", label);
        o.put("source", source);
        o.put("errors", errors.size());
        measuresJson(o, m);
        totalsJson(o.putObject("variants"), variants());
        // Additions (issue #11): per producer, font and scan variant of generated inputs, when there are any
        Map<String, VariantTotal> producers = facets(Facets::producer);
        if (!producers.isEmpty()) {
            totalsJson(o.putObject("producers"), producers);
            totalsJson(o.putObject("fonts"), facets(Facets::face));
            totalsJson(o.putObject("scan_variants"), facets(Facets::scan));
        }
        // Addition (issue #18): budget documents as their own class, when there are any
        if (!budgets.isEmpty()) budgetsJson(o);
        // Addition (issue #21): government books as their own class, when --books named a folder of them
        if (!books.isEmpty()) GovernmentBooksReport.json(o, books);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for an ObjectNode of numbers", e);
        }
    }

    private static void measuresJson(ObjectNode o, Measures m) {
        outcomes(o, "printed", m.printed(), "right", "wrong_flagged", "wrong_unflagged", "missing");
        outcomes(o, "blank", m.blanks(), "left_blank", "filled_flagged", "filled_unflagged", "missing");
        outcomes(o, "labels", m.labels(), "right", "wrong_flagged", "wrong_unflagged", "missing");
        o.put("rows_expected", m.rowsExpected());
        o.put("rows_matched", m.rowsMatched());
        o.put("rows_extra", m.rowsExtra());
        o.put("tables_extra", m.tablesExtra());
        NarrativeCounts n = m.narrative();
        o.put("narrative_expected", n.expected());
        o.put("narrative_right", n.right());
        o.put("narrative_wrong", n.wrong());
        o.put("narrative_missing", n.missing());
        o.put("narrative_invented", n.invented());
    }

    private static void outcomes(ObjectNode o, String prefix, Outcomes x, String right, String wrongFlagged,
                                 String wrongUnflagged, String missing) {
        o.put(prefix + "_expected", x.expected());
        o.put(prefix + "_" + right, x.right());
        o.put(prefix + "_" + wrongFlagged, x.wrongFlagged());
        o.put(prefix + "_" + wrongUnflagged, x.wrongUnflagged());
        o.put(prefix + "_" + missing, x.missing());
    }

    private static String line(String name, String tables, int extra, String rows, EvalCounts c, Measures m,
                               String narrative) {
        Outcomes p = m.printed();
        return String.format(ROW, name, tables, extra == 0 ? "" : "+" + extra, rows, p.expected(), p.right(),
                p.wrongFlagged(), p.wrongUnflagged(), p.missing(), m.blanks().right() + "/" + m.blanks().expected(),
                m.labels().right() + "/" + m.labels().expected(), narrative, c.cellsFlagged() + "/" + c.cellsExported());
    }

    private static String narrative(NarrativeCounts n) {
        return n.right() + "/" + n.expected() + (n.invented() > 0 ? "+" + n.invented() : "");
    }

    private static String plus(int n) { return n > 0 ? "+" + n : ""; }

    private static String pct(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f%%", 100.0 * a / b);
    }
}

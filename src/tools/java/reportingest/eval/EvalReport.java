package reportingest.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bin/eval output: a fixed-width table for people, one line per document and per table, a
 * total line, and as the very last line one JSON object whose keys and order are a contract
 * (DESIGN.md, bin/eval).
 */
public final class EvalReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROW = "%-40s %7s %5s %9s %8s %8s %8s %8s %8s %13s";

    private final List<DocumentScore> documents = new ArrayList<>();
    private final boolean listSilentErrors;

    public EvalReport() { this(false); }

    /** @param listSilentErrors also print each wrong unflagged cell under its document */
    public EvalReport(boolean listSilentErrors) { this.listSilentErrors = listSilentErrors; }

    public EvalReport add(DocumentScore score) {
        documents.add(score);
        return this;
    }

    public List<DocumentScore> documents() { return List.copyOf(documents); }

    public EvalCounts total() {
        return EvalCounts.sum(documents.stream().map(DocumentScore::counts).toList());
    }

    /** All lines, the JSON summary last. */
    public List<String> lines(int pages, double seconds) {
        List<String> out = new ArrayList<>();
        out.add(String.format(ROW, "document / table", "tables", "extra", "rows", "cells", "correct",
                "wrong:fl", "wrong:!", "missing", "flagged/all"));
        for (DocumentScore d : documents) {
            EvalCounts c = d.counts();
            int rowsExpected = d.tables().stream().mapToInt(TableScore::rowsExpected).sum();
            int rowsMatched = d.tables().stream().mapToInt(TableScore::rowsMatched).sum();
            out.add(line(d.document(), c.tablesFound() + "/" + c.tablesExpected(), c.tablesExtra(),
                    rowsMatched + "/" + rowsExpected, c));
            for (TableScore t : d.tables()) {
                String tables = switch (t.outcome()) {
                    case FOUND -> "found";
                    case NOT_FOUND -> "MISSING";
                    case EXTRA -> "extra";
                };
                String rows = t.outcome() == TableScore.Outcome.EXTRA
                        ? "+" + t.rowsExtra()
                        : t.rowsMatched() + "/" + t.rowsExpected() + (t.rowsExtra() > 0 ? "+" + t.rowsExtra() : "");
                out.add(line("  " + t.name(), tables, t.counts().tablesExtra(), rows, t.counts()));
            }
            if (listSilentErrors) {
                for (CellMismatch m : d.mismatches()) {
                    if (m.kind() != CellMismatch.Kind.WRONG_UNFLAGGED) continue;
                    out.add("    ! " + m.schema() + " | " + m.row() + " | " + m.column()
                            + " | expected " + m.expected() + " got " + m.actual());
                }
            }
        }
        EvalCounts total = total();
        out.add(line("TOTAL (" + total.documents() + " documents)", total.tablesFound() + "/" + total.tablesExpected(),
                total.tablesExtra(), "", total));
        out.add(summaryJson(total, pages, seconds));
        return out;
    }

    public String render(int pages, double seconds) {
        return String.join("\n", lines(pages, seconds)) + "\n";
    }

    public void print(PrintStream out, int pages, double seconds) {
        lines(pages, seconds).forEach(out::println);
        out.flush();
    }

    /** The machine-readable summary: exactly these keys, in this order. */
    public static String summaryJson(EvalCounts c, int pages, double seconds) {
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
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for an ObjectNode of numbers", e);
        }
    }

    private static String line(String name, String tables, int extra, String rows, EvalCounts c) {
        return String.format(ROW, name, tables, extra == 0 ? "" : "+" + extra, rows, c.cellsExpected(),
                c.cellsCorrect(), c.cellsWrongFlagged(), c.cellsWrongUnflagged(), c.cellsMissing(),
                c.cellsFlagged() + "/" + c.cellsExported());
    }
}

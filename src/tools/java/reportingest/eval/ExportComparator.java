package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores one document export against its ground truth (DESIGN.md, bin/eval).
 *
 * <p>Every column of every truth row's {@code values} is an expected cell, null included. It is
 * correct when the export holds the same trimmed string (null matching null, blank or an absent
 * column), wrong when the export holds something else (an explicit null or blank against a
 * printed value included: the export asserts the cell is empty), and missing when the export has
 * no such table, row or column. A wrong cell is flagged when the cell has flags or its row is
 * NEEDS_REVIEW.
 *
 * <p>Beside those contract counters it keeps {@link Measures}: the same cells split into printed
 * amounts (truth non-blank) and blank cells (truth blank; wrong = the export holds a value), the
 * row labels of paired rows, extra rows and tables, and the narrative facts ({@link NarrativeComparator}).
 */
public final class ExportComparator {
    private ExportComparator() {}

    /** @param export the document export, or null when the pipeline produced none (all missing) */
    public static DocumentScore compare(JsonNode export, JsonNode truth) {
        JsonNode exp = export == null ? MissingNode.getInstance() : export;
        String document = truth.path("document").asText(exp.path("document").asText("?"));
        List<JsonNode> truthTables = elements(truth.path("tables"));
        List<JsonNode> exportTables = elements(exp.path("tables"));

        // Pair tables by schema; a schema printed twice pairs in order of appearance.
        Map<String, Deque<Integer>> exportBySchema = new HashMap<>();
        for (int j = 0; j < exportTables.size(); j++) {
            exportBySchema.computeIfAbsent(schemaOf(exportTables.get(j)), k -> new ArrayDeque<>()).add(j);
        }
        boolean[] paired = new boolean[exportTables.size()];
        Map<String, Integer> seen = new HashMap<>();
        List<TableScore> tables = new ArrayList<>();
        List<CellMismatch> mismatches = new ArrayList<>();
        for (JsonNode t : truthTables) {
            String schema = schemaOf(t);
            Deque<Integer> candidates = exportBySchema.get(schema);
            Integer j = candidates == null ? null : candidates.poll();
            if (j != null) paired[j] = true;
            String name = nameFor(schema, seen);
            tables.add(compareTable(name, schema, t, j == null ? null : exportTables.get(j), mismatches));
        }
        for (int j = 0; j < exportTables.size(); j++) {
            if (paired[j]) continue;
            String schema = schemaOf(exportTables.get(j));
            int rows = elements(exportTables.get(j).path("rows")).size();
            EvalCounts extra = new EvalCounts(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
            Measures extraMeasures = new Measures(Outcomes.ZERO, Outcomes.ZERO, Outcomes.ZERO, 0, 0, rows, 1,
                    NarrativeCounts.ZERO);
            tables.add(new TableScore(nameFor(schema, seen), schema, TableScore.Outcome.EXTRA, 0, 0, rows, extra,
                    extraMeasures));
        }
        EvalCounts counts = EvalCounts.sum(tables.stream().map(TableScore::counts).toList()).asDocument();
        Measures measures = Measures.sum(tables.stream().map(TableScore::measures).toList())
                .withNarrative(NarrativeComparator.compare(exp.path("narrative_facts"), truth.path("narrative_facts")));
        return new DocumentScore(document, counts, measures, tables, mismatches);
    }

    private static TableScore compareTable(String name, String schema, JsonNode truthTable, JsonNode exportTable,
                                           List<CellMismatch> mismatches) {
        List<JsonNode> truthRows = elements(truthTable.path("rows"));
        List<JsonNode> exportRows = exportTable == null ? List.of() : elements(exportTable.path("rows"));
        RowMatcher.Matching matching = RowMatcher.match(schema, truthRows, exportRows);
        Tally tally = new Tally();

        for (int i = 0; i < truthRows.size(); i++) {
            JsonNode truthRow = truthRows.get(i);
            int j = matching.exportIndex()[i];
            JsonNode exportRow = j < 0 ? null : exportRows.get(j);
            CellMismatch.Kind labelKind = tally.judgeLabel(truthRow, exportRow);
            if (labelKind != null && labelKind != CellMismatch.Kind.MISSING) {
                mismatches.add(new CellMismatch(name, describe(truthRow, i), CellMismatch.ROW_LABEL, describe(truthRow, i),
                        describe(exportRow, j), labelKind));
            }
            for (Map.Entry<String, JsonNode> cell : truthRow.path("values").properties()) {
                CellMismatch.Kind kind = judge(cell.getKey(), Labels.value(cell.getValue()), exportRow, tally);
                // A whole table not found is one fact; listing each of its cells adds nothing.
                if (kind != null && exportTable != null) {
                    mismatches.add(new CellMismatch(name, describe(truthRow, i), cell.getKey(),
                            Labels.value(cell.getValue()),
                            exportRow == null ? null : Labels.value(exportRow.path("values").get(cell.getKey())),
                            kind));
                }
            }
        }
        if (exportTable != null) {
            for (JsonNode row : exportRows) tally.countExported(row);
        }
        boolean found = exportTable != null;
        EvalCounts counts = new EvalCounts(0, 1, found ? 1 : 0, 0, tally.expected, tally.correct,
                tally.wrongFlagged, tally.wrongUnflagged, tally.missing, tally.flagged, tally.exported);
        int matched = matching.matched();
        Measures measures = new Measures(tally.printed, tally.blanks, tally.labels, truthRows.size(), matched,
                exportRows.size() - matched, 0, NarrativeCounts.ZERO);
        return new TableScore(name, schema, found ? TableScore.Outcome.FOUND : TableScore.Outcome.NOT_FOUND,
                truthRows.size(), matched, exportRows.size() - matched, counts, measures);
    }

    /** Counts one expected cell; returns how it failed, or null when correct. */
    private static CellMismatch.Kind judge(String column, String expected, JsonNode exportRow, Tally tally) {
        CellMismatch.Kind kind = outcome(column, expected, exportRow);
        tally.count(expected == null, kind);
        return kind;
    }

    private static CellMismatch.Kind outcome(String column, String expected, JsonNode exportRow) {
        if (exportRow == null) return CellMismatch.Kind.MISSING;
        JsonNode values = exportRow.path("values");
        if (!values.has(column)) {
            // An export may leave blank columns out; that agrees with a blank truth cell.
            return expected == null ? null : CellMismatch.Kind.MISSING;
        }
        String actual = Labels.value(values.get(column));
        if (expected == null ? actual == null : expected.equals(actual)) return null;
        return ExportFlags.cellFlagged(exportRow, column) ? CellMismatch.Kind.WRONG_FLAGGED : CellMismatch.Kind.WRONG_UNFLAGGED;
    }

    private static final class Tally {
        int expected, correct, wrongFlagged, wrongUnflagged, missing, flagged, exported;
        Outcomes printed = Outcomes.ZERO, blanks = Outcomes.ZERO, labels = Outcomes.ZERO;

        void count(boolean blank, CellMismatch.Kind kind) {
            expected++;
            Outcomes o = blank ? blanks : printed;
            if (kind == null) {
                correct++;
                o = o.addRight();
            } else {
                switch (kind) {
                    case MISSING -> { missing++; o = o.addMissing(); }
                    case WRONG_FLAGGED -> { wrongFlagged++; o = o.addWrong(true); }
                    case WRONG_UNFLAGGED -> { wrongUnflagged++; o = o.addWrong(false); }
                }
            }
            if (blank) blanks = o; else printed = o;
        }

        /**
         * A row label is right when every key field the truth row has reads the same in its export partner;
         * returns how it failed, or null when right or when the row has no label.
         */
        CellMismatch.Kind judgeLabel(JsonNode truthRow, JsonNode exportRow) {
            List<String> fields = LABEL_FIELDS.stream().filter(truthRow::has).toList();
            if (fields.isEmpty()) return null; // 三公: one row without a label
            if (exportRow == null) {
                labels = labels.addMissing();
                return CellMismatch.Kind.MISSING;
            }
            boolean same = fields.stream().allMatch(f -> Objects.equals(Labels.key(truthRow.get(f)),
                    Labels.key(exportRow.get(f))));
            if (same) {
                labels = labels.addRight();
                return null;
            }
            boolean flagged = ExportFlags.rowFlagged(exportRow);
            labels = labels.addWrong(flagged);
            return flagged ? CellMismatch.Kind.WRONG_FLAGGED : CellMismatch.Kind.WRONG_UNFLAGGED;
        }

        /** Review load: every cell the export row has, in values or in cells. */
        void countExported(JsonNode row) {
            Set<String> columns = new LinkedHashSet<>();
            row.path("values").properties().forEach(e -> columns.add(e.getKey()));
            row.path("cells").properties().forEach(e -> columns.add(e.getKey()));
            for (String c : columns) {
                exported++;
                if (ExportFlags.cellFlagged(row, c)) flagged++;
            }
        }
    }

    /** The fields that name a row as printed (and the interpretive group); values are scored apart. */
    private static final List<String> LABEL_FIELDS = List.of("side", "line_no", "item", "code", "name", "group", "label");

    static String schemaOf(JsonNode table) {
        String s = Labels.text(table.get("schema"));
        return s == null || s.isBlank() ? "(no schema)" : s.strip();
    }

    private static String nameFor(String schema, Map<String, Integer> seen) {
        int n = seen.merge(schema, 1, Integer::sum);
        return n == 1 ? schema : schema + "#" + n;
    }

    /** A row named by its key fields, for people. */
    private static String describe(JsonNode row, int index) {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("side", "line_no", "item", "code", "name", "group", "label")) {
            String v = Labels.text(row.get(f));
            if (v == null) continue;
            if (b.length() > 0) b.append(' ');
            b.append(v);
        }
        return b.length() > 0 ? b.toString() : "row " + (index + 1);
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) array.forEach(out::add);
        return out;
    }
}

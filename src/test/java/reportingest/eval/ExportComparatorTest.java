package reportingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExportComparatorTest {

    static java.util.stream.Stream<Path> truthFiles() { return Exports.truthFiles(); }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void truthAsExportScoresEveryCellCorrect(Path file) {
        JsonNode truth = Exports.truth(file);
        EvalCounts c = ExportComparator.compare(Exports.asExport(truth), truth).counts();

        int tables = Exports.tables(truth).size();
        int cells = Exports.cells(truth, true);
        assertThat(c).isEqualTo(new EvalCounts(1, tables, tables, 0, cells, cells, 0, 0, 0, 0, cells));
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void oneChangedValueIsOneWrongUnflaggedCellInEveryTable(Path file) {
        JsonNode truth = Exports.truth(file);
        assumeTrue(Exports.cells(truth, true) > 0, "no table cells in this document");
        int cells = Exports.cells(truth, true);
        for (int t = 0; t < Exports.tables(truth).size(); t++) {
            ObjectNode export = Exports.asExport(truth);
            ObjectNode row = middleRow(export, t);
            changeFirstValue(row);

            DocumentScore score = ExportComparator.compare(export, truth);

            assertThat(score.counts().cellsWrongUnflagged()).as("table %d", t).isEqualTo(1);
            assertThat(score.counts().cellsWrongFlagged()).isZero();
            assertThat(score.counts().cellsCorrect()).isEqualTo(cells - 1);
            assertThat(score.counts().cellsMissing()).isZero();
            assertThat(score.mismatches()).singleElement()
                    .extracting(CellMismatch::kind).isEqualTo(CellMismatch.Kind.WRONG_UNFLAGGED);
        }
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void changedValueInNeedsReviewRowIsWrongFlagged(Path file) {
        JsonNode truth = Exports.truth(file);
        assumeTrue(Exports.cells(truth, true) > 0, "no table cells in this document");
        for (int t = 0; t < Exports.tables(truth).size(); t++) {
            ObjectNode export = Exports.asExport(truth);
            ObjectNode row = middleRow(export, t);
            changeFirstValue(row);
            row.put("status", "NEEDS_REVIEW");
            row.putArray("flags").add("ROW_SUM_MISMATCH");

            EvalCounts c = ExportComparator.compare(export, truth).counts();

            assertThat(c.cellsWrongFlagged()).as("table %d", t).isEqualTo(1);
            assertThat(c.cellsWrongUnflagged()).isZero();
            assertThat(c.cellsFlagged()).isEqualTo(row.path("values").size());
        }
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void cellFlagsMakeOnlyThatCellFlagged(Path file) {
        JsonNode truth = Exports.truth(file);
        assumeTrue(Exports.cells(truth, true) > 0, "no table cells in this document");
        ObjectNode export = Exports.asExport(truth);
        ObjectNode row = middleRow(export, 0);
        String column = changeFirstValue(row);
        // Flags may be objects with a code as well as plain codes.
        row.putObject("cells").putObject(column).putArray("flags").addObject().put("code", "OCR_LOW_CONFIDENCE");

        EvalCounts c = ExportComparator.compare(export, truth).counts();

        assertThat(c.cellsWrongFlagged()).isEqualTo(1);
        assertThat(c.cellsWrongUnflagged()).isZero();
        assertThat(c.cellsFlagged()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void removedTableIsMissingAndNotFound(Path file) {
        JsonNode truth = Exports.truth(file);
        int tables = Exports.tables(truth).size();
        int cells = Exports.cells(truth, true);
        for (int t = 0; t < tables; t++) {
            ObjectNode export = Exports.asExport(truth);
            int removed = Exports.cells(Exports.tables(export).remove(t));

            DocumentScore score = ExportComparator.compare(export, truth);

            assertThat(score.counts().tablesFound()).as("table %d", t).isEqualTo(tables - 1);
            assertThat(score.counts().cellsMissing()).isEqualTo(removed);
            assertThat(score.counts().cellsCorrect()).isEqualTo(cells - removed);
            assertThat(score.counts().cellsWrong()).isZero();
            assertThat(score.tables().get(t).outcome()).isEqualTo(TableScore.Outcome.NOT_FOUND);
        }
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void inventedTableIsCountedAsExtra(Path file) {
        JsonNode truth = Exports.truth(file);
        ObjectNode export = Exports.asExport(truth);
        ObjectNode invented = Exports.tables(export).addObject();
        invented.put("schema", "invented_table");
        invented.putArray("rows").addObject().putObject("values").put("x", "1.00");

        DocumentScore score = ExportComparator.compare(export, truth);
        EvalCounts clean = ExportComparator.compare(Exports.asExport(truth), truth).counts();

        assertThat(score.counts().tablesExtra()).isEqualTo(1);
        assertThat(score.counts()).usingRecursiveComparison().ignoringFields("tablesExtra").isEqualTo(clean);
        assertThat(score.tables()).last().extracting(TableScore::outcome).isEqualTo(TableScore.Outcome.EXTRA);
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void secondCopyOfAKnownSchemaIsExtraAndTheFirstIsScored(Path file) {
        JsonNode truth = Exports.truth(file);
        assumeTrue(Exports.tables(truth).size() > 0, "no tables in this document");
        ObjectNode export = Exports.asExport(truth);
        ObjectNode copy = Exports.tables(export).get(0).deepCopy();
        for (JsonNode row : copy.path("rows")) changeFirstValue((ObjectNode) row);
        Exports.tables(export).add(copy);

        EvalCounts c = ExportComparator.compare(export, truth).counts();

        assertThat(c.tablesExtra()).isEqualTo(1);
        assertThat(c.cellsCorrect()).isEqualTo(c.cellsExpected());
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void labelWhitespaceAndFullWidthFormsStillMatch(Path file) {
        JsonNode truth = Exports.truth(file);
        ObjectNode export = Exports.asExport(truth);
        for (JsonNode table : Exports.tables(export)) {
            for (JsonNode r : table.path("rows")) {
                ObjectNode row = (ObjectNode) r;
                for (String key : List.of("item", "name", "label", "section", "parent", "group")) {
                    if (row.path(key).isTextual()) row.put(key, spaced(row.path(key).asText()));
                }
                // Without line numbers summary rows must fall back to side + item.
                row.remove("line_no");
                if (row.path("code").isTextual()) row.put("code", " " + row.path("code").asText() + "\u3000");
            }
        }
        EvalCounts c = ExportComparator.compare(export, truth).counts();

        // Summary rows with a blank item have no key left once line_no is gone.
        int unkeyable = 0;
        for (JsonNode table : Exports.tables(truth)) {
            for (JsonNode row : table.path("rows")) {
                if (row.has("side") && row.path("item").isNull()) unkeyable += row.path("values").size();
            }
        }
        assertThat(c.cellsCorrect()).isEqualTo(c.cellsExpected() - unkeyable);
        assertThat(c.cellsWrong()).isZero();
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void rowOrderDoesNotMatterForKeyedTables(Path file) {
        JsonNode truth = Exports.truth(file);
        ObjectNode export = Exports.asExport(truth);
        for (JsonNode table : Exports.tables(export)) {
            ArrayNode rows = (ArrayNode) table.path("rows");
            List<JsonNode> reversed = new ArrayList<>();
            rows.forEach(reversed::add);
            java.util.Collections.reverse(reversed);
            rows.removeAll();
            rows.addAll(reversed);
        }
        EvalCounts c = ExportComparator.compare(export, truth).counts();

        assertThat(c.cellsCorrect()).isEqualTo(c.cellsExpected());
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void blankColumnsLeftOutOrWrittenBlankStillMatchNull(Path file) {
        JsonNode truth = Exports.truth(file);
        ObjectNode export = Exports.asExport(truth);
        boolean drop = true;
        for (JsonNode table : Exports.tables(export)) {
            for (JsonNode r : table.path("rows")) {
                ObjectNode values = (ObjectNode) r.path("values");
                List<String> nulls = new ArrayList<>();
                values.properties().forEach(e -> { if (e.getValue().isNull()) nulls.add(e.getKey()); });
                for (String k : nulls) {
                    if (drop) values.remove(k); else values.put(k, " ");
                    drop = !drop;
                }
            }
        }
        EvalCounts c = ExportComparator.compare(export, truth).counts();

        assertThat(c.cellsCorrect()).isEqualTo(c.cellsExpected());
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void removedRowIsMissingAndOthersStillMatch(Path file) {
        JsonNode truth = Exports.truth(file);
        assumeTrue(Exports.cells(truth, true) > 0, "no table cells in this document");
        for (int t = 0; t < Exports.tables(truth).size(); t++) {
            ObjectNode export = Exports.asExport(truth);
            ArrayNode rows = Exports.rows(export, t);
            int removed = rows.remove(rows.size() / 2).path("values").size();

            EvalCounts c = ExportComparator.compare(export, truth).counts();

            assertThat(c.cellsMissing()).as("table %d", t).isEqualTo(removed);
            assertThat(c.cellsWrong()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("truthFiles")
    void noExportMeansEverythingMissing(Path file) {
        JsonNode truth = Exports.truth(file);
        EvalCounts c = ExportComparator.compare(null, truth).counts();

        assertThat(c.documents()).isEqualTo(1);
        assertThat(c.tablesFound()).isZero();
        assertThat(c.cellsMissing()).isEqualTo(Exports.cells(truth, true));
        assertThat(c.cellsExpected()).isEqualTo(c.cellsCorrect() + c.cellsWrong() + c.cellsMissing());
    }

    @Test
    void repeatedSchemaPairsInOrder() {
        ObjectNode truth = Exports.MAPPER.createObjectNode().put("document", "x");
        ArrayNode tables = truth.putArray("tables");
        tables.add(codedTable("100.00"));
        tables.add(codedTable("200.00"));
        ObjectNode export = Exports.asExport(truth);

        assertThat(ExportComparator.compare(export, truth).counts().cellsCorrect()).isEqualTo(2);
        assertThat(ExportComparator.compare(export, truth).tables())
                .extracting(TableScore::name).containsExactly("income", "income#2");

        // Swapped, each pairs with the wrong partner: order is what decides.
        ArrayNode swapped = Exports.tables(export);
        JsonNode first = swapped.remove(0);
        swapped.add(first);
        assertThat(ExportComparator.compare(export, truth).counts().cellsWrongUnflagged()).isEqualTo(2);
    }

    @Test
    void performanceRowsWithRepeatedLabelsUseSectionThenOrder() {
        ObjectNode truth = Exports.MAPPER.createObjectNode().put("document", "x");
        ObjectNode table = truth.putArray("tables").addObject().put("schema", "performance_self_evaluation");
        ArrayNode rows = table.putArray("rows");
        rows.addObject().put("label", "指标值").put("section", "产出").putObject("values").put("分值", "10");
        rows.addObject().put("label", "指标值").put("section", "效益").putObject("values").put("分值", "20");
        rows.addObject().put("label", "得分").putObject("values").put("分值", "30");
        rows.addObject().put("label", "总分").putObject("values").put("分值", "100");
        ObjectNode export = Exports.asExport(truth);
        ArrayNode exportRows = Exports.rows(export, 0);
        // Sections swapped in the export's order: the section keys must still pair them right.
        JsonNode second = exportRows.remove(1);
        exportRows.insert(0, second);
        // An OCR-garbled label between two matched rows falls back to order.
        ((ObjectNode) exportRows.get(2)).put("label", "得了");

        EvalCounts c = ExportComparator.compare(export, truth).counts();

        assertThat(c.cellsCorrect()).isEqualTo(4);
    }

    private static ObjectNode codedTable(String value) {
        ObjectNode t = Exports.MAPPER.createObjectNode().put("schema", "income");
        ObjectNode row = t.putArray("rows").addObject();
        row.putNull("code");
        row.put("name", "合计");
        row.putObject("values").put("本年收入合计", value);
        return t;
    }

    private static ObjectNode middleRow(JsonNode export, int table) {
        ArrayNode rows = Exports.rows(export, table);
        return (ObjectNode) rows.get(rows.size() / 2);
    }

    /** Changes the row's first value to something else; returns its column. */
    private static String changeFirstValue(ObjectNode row) {
        ObjectNode values = (ObjectNode) row.path("values");
        Map.Entry<String, JsonNode> first = values.properties().iterator().next();
        String old = first.getValue().isNull() ? null : first.getValue().asText();
        values.put(first.getKey(), old == null ? "1.00" : old + "9");
        return first.getKey();
    }

    private static String spaced(String s) {
        StringBuilder b = new StringBuilder(" ");
        s.codePoints().forEach(cp -> b.appendCodePoint(cp).append(cp % 2 == 0 ? "\u3000" : " "));
        return b.append('\t').toString();
    }
}

package reportingest.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    private static final List<String> KEYS = List.of("documents", "tables_expected", "tables_found",
            "cells_expected", "cells_correct", "cells_wrong_flagged", "cells_wrong_unflagged", "cells_missing",
            "cells_flagged", "pages", "seconds");

    @Test
    void lastLineIsTheJsonSummaryWithTheContractKeysFirstInOrder() throws Exception {
        EvalReport report = new EvalReport(true);
        List<Path> files = Exports.truthFiles().toList();
        for (Path file : files) {
            JsonNode truth = Exports.truth(file);
            ObjectNode export = Exports.asExport(truth);
            if (Exports.tables(export).size() > 0) {
                ObjectNode row = (ObjectNode) Exports.rows(export, 0).get(0);
                row.put("status", "NEEDS_REVIEW");
                ((ObjectNode) row.path("values")).put(row.path("values").fieldNames().next(), "-1");
            }
            report.add(ExportComparator.compare(export, truth));
        }

        List<String> lines = report.lines(42, 12.3456);
        JsonNode json = Exports.MAPPER.readTree(lines.get(lines.size() - 1));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        // Old readers keep working: the contract keys come first, in order; additions follow.
        assertThat(keys.subList(0, KEYS.size())).containsExactlyElementsOf(KEYS);
        assertThat(keys).contains("label", "errors", "printed_expected", "printed_right", "blank_expected",
                "labels_right", "rows_extra", "tables_extra", "narrative_right", "narrative_invented", "variants");
        EvalCounts total = report.total();
        assertThat(json.get("documents").asInt()).isEqualTo(files.size());
        assertThat(json.get("cells_expected").asInt()).isEqualTo(total.cellsExpected());
        assertThat(json.get("cells_correct").asInt()).isEqualTo(total.cellsCorrect());
        assertThat(json.get("cells_wrong_flagged").asInt()).isEqualTo(total.cellsWrongFlagged()).isPositive();
        assertThat(json.get("cells_wrong_unflagged").asInt()).isZero();
        assertThat(json.get("pages").asInt()).isEqualTo(42);
        assertThat(json.get("seconds").asDouble()).isEqualTo(12.346);
        assertThat(report.render(42, 12.3456)).endsWith(lines.get(lines.size() - 1) + "\n");
    }

    @Test
    void peopleGetOneLinePerDocumentAndTable() {
        EvalReport report = new EvalReport();
        int documentsAndTables = 0;
        for (Path file : Exports.truthFiles().toList()) {
            JsonNode truth = Exports.truth(file);
            DocumentScore score = ExportComparator.compare(Exports.asExport(truth), truth);
            report.add(score);
            documentsAndTables += 1 + score.tables().size();
        }
        List<String> lines = report.lines(0, 0);

        // the run's label, the header, the document and table lines, then the total
        assertThat(lines.get(0)).isEqualTo("eval run: unlabelled");
        assertThat(lines.get(1 + 1 + documentsAndTables)).startsWith("TOTAL (5 documents, 0 errors)");
        assertThat(lines).anyMatch(l -> l.startsWith("001_a8898a713e576bc4") && l.contains("9/9"));
        assertThat(lines).anyMatch(l -> l.startsWith("  general_budget_basic_expenditure"));
    }

    @Test
    void silentErrorsAreListedWhenAsked() {
        JsonNode truth = Exports.truth(Exports.TRUTH_DIR.resolve("001_a8898a713e576bc4.json"));
        ObjectNode export = Exports.asExport(truth);
        ((ObjectNode) Exports.rows(export, 1).get(0).path("values")).put("本年收入合计", "1552.96");

        String text = new EvalReport(true).add(ExportComparator.compare(export, truth)).render(1, 1);

        assertThat(text).contains("! income | 合计 | 本年收入合计 | expected 1552.69 got 1552.96");
    }

    @Test
    void countsAddUp() {
        EvalCounts a = new EvalCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(a.plus(a)).isEqualTo(new EvalCounts(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22));
        assertThat(EvalCounts.sum(List.of(a, EvalCounts.ZERO))).isEqualTo(a);
    }
}

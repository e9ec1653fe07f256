package reportingest.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measures beside the contract counters: printed amounts apart from blank cells, row labels,
 * extra rows and tables, narrative facts, unscored inputs and the per-variant totals. Seed 001's
 * truth has 164 printed and 308 blank cells, 190 labelled rows (三公's one row has no label) and
 * 171 narrative facts.
 */
class EvalMeasuresTest {
    private static final JsonNode TRUTH = Exports.truth(Exports.TRUTH_DIR.resolve("001_a8898a713e576bc4.json"));

    private static Measures score(JsonNode export) {
        return ExportComparator.compare(export, TRUTH).measures();
    }

    @Test
    void truthAsItsOwnExportIsRightOnEveryMeasure() {
        DocumentScore s = ExportComparator.compare(Exports.asExport(TRUTH), TRUTH);
        Measures m = s.measures();

        assertThat(m.printed()).isEqualTo(new Outcomes(164, 164, 0, 0, 0));
        assertThat(m.blanks()).isEqualTo(new Outcomes(308, 308, 0, 0, 0));
        assertThat(m.labels()).isEqualTo(new Outcomes(190, 190, 0, 0, 0));
        assertThat(m.narrative()).isEqualTo(new NarrativeCounts(171, 171, 0, 0, 0));
        assertThat(List.of(m.rowsExpected(), m.rowsMatched(), m.rowsExtra(), m.tablesExtra())).containsExactly(191, 191, 0, 0);
        // the contract's cells are exactly the printed and the blank ones
        assertThat(s.counts().cellsExpected()).isEqualTo(164 + 308);
    }

    @Test
    void aValueWhereNothingIsPrintedIsAWrongBlankNotAWrongAmount() {
        ObjectNode export = Exports.asExport(TRUTH);
        ((ObjectNode) Exports.rows(export, 1).get(2).path("values")).put("事业收入", "50.90");

        Measures m = score(export);

        assertThat(m.blanks()).isEqualTo(new Outcomes(308, 307, 0, 1, 0));
        assertThat(m.printed()).isEqualTo(new Outcomes(164, 164, 0, 0, 0));
    }

    @Test
    void aPrintedAmountExportedBlankIsAWrongAmount() {
        ObjectNode export = Exports.asExport(TRUTH);
        ObjectNode row = (ObjectNode) Exports.rows(export, 1).get(2);
        ((ObjectNode) row.path("values")).putNull("本年收入合计");
        row.put("status", "NEEDS_REVIEW");

        Measures m = score(export);

        assertThat(m.printed()).isEqualTo(new Outcomes(164, 163, 1, 0, 0));
        assertThat(m.blanks().right()).isEqualTo(308);
    }

    @Test
    void aRowPairedByItsCodeWithAnotherNameHasAWrongLabelFlaggedOnlyWhenItsRowIs() {
        ObjectNode export = Exports.asExport(TRUTH);
        ObjectNode row = (ObjectNode) Exports.rows(export, 1).get(2);
        row.put("name", "行政事业单位养老支山"); // one OCR-confused character

        assertThat(score(export).labels()).isEqualTo(new Outcomes(190, 189, 0, 1, 0));
        row.put("status", "NEEDS_REVIEW");
        assertThat(score(export).labels()).isEqualTo(new Outcomes(190, 189, 1, 0, 0));
        // its amounts still count: the row was found
        assertThat(score(export).printed().right()).isEqualTo(164);
    }

    @Test
    void rowsAndTablesTheTruthDoesNotHaveAreCountedAsExtra() {
        ObjectNode export = Exports.asExport(TRUTH);
        Exports.rows(export, 1).addObject().put("code", "2130101").put("name", "行政运行").putObject("values").put("本年收入合计", "1.00");
        ObjectNode invented = Exports.tables(export).addObject().put("schema", "unknown");
        invented.putArray("rows").add(Exports.rows(export, 1).get(0).deepCopy()).add(Exports.rows(export, 1).get(1).deepCopy());

        Measures m = score(export);

        assertThat(m.rowsExtra()).isEqualTo(1 + 2);
        assertThat(m.tablesExtra()).isEqualTo(1);
        assertThat(m.rowsMatched()).isEqualTo(191);
    }

    @Test
    void narrativeFactsAreRightWrongMissingOrInvented() {
        ObjectNode export = Exports.asExport(TRUTH);
        ArrayNode facts = (ArrayNode) export.path("narrative_facts");
        ((ObjectNode) facts.get(0)).put("value", "1552.96"); // 收支总计 misread
        facts.remove(1);                                     // a change not found
        facts.addObject().put("figure", "收支总计.占比").put("value", "12.00").put("unit", "%").put("year", 2024);

        assertThat(score(export).narrative()).isEqualTo(new NarrativeCounts(171, 169, 1, 1, 1));
    }

    @Test
    void aTruthJudgesOnlyTheUnitsItLists() {
        // a generated document's truth lists its amounts (万元) and not the shares its text prints (，占84.23%)
        ObjectNode truth = Exports.MAPPER.createObjectNode();
        truth.putArray("narrative_facts").addObject().put("figure", "基本支出").put("value", "1554.65").put("unit", "万元").put("year", 2024);
        ObjectNode export = Exports.MAPPER.createObjectNode();
        ArrayNode facts = export.putArray("narrative_facts");
        facts.addObject().put("figure", "基本支出").put("value", "1554.65").put("unit", "万元").put("year", 2024);
        facts.addObject().put("figure", "基本支出.占比").put("value", "84.23").put("unit", "%").put("year", 2024);
        assertThat(NarrativeComparator.compare(export.path("narrative_facts"), truth.path("narrative_facts")))
                .isEqualTo(new NarrativeCounts(1, 1, 0, 0, 0));
        // an amount the truth does not list is invented
        facts.addObject().put("figure", "项目支出").put("value", "291.03").put("unit", "万元").put("year", 2024);
        assertThat(NarrativeComparator.compare(export.path("narrative_facts"), truth.path("narrative_facts")))
                .isEqualTo(new NarrativeCounts(1, 1, 0, 0, 1));
    }

    @Test
    void aFigureStatedTwiceWithTwoValuesPairsEachStatementWithItsOwnValue() {
        ObjectNode export = Exports.asExport(TRUTH);
        ArrayNode facts = (ArrayNode) export.path("narrative_facts");
        // the same figure twice, in reverse order: pairing by value first keeps both right
        ArrayNode reversed = export.putArray("narrative_facts");
        for (int i = facts.size() - 1; i >= 0; i--) reversed.add(facts.get(i));

        assertThat(score(export).narrative()).isEqualTo(new NarrativeCounts(171, 171, 0, 0, 0));
    }

    @Test
    void anInputWithoutTruthIsAnErrorInTheSummary() throws Exception {
        EvalReport report = new EvalReport(false, RunLabel.OUT_OF_SAMPLE)
                .add(ExportComparator.compare(Exports.asExport(TRUTH), TRUTH).named("001_a8898a713e576bc4.ownpage.pdf"))
                .addError(new EvalError("999_unknown.ownpage.pdf", "no truth file 999_unknown.json"));

        List<String> lines = report.lines(3, 1);
        JsonNode json = Exports.MAPPER.readTree(lines.get(lines.size() - 1));

        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("documents").asInt()).isEqualTo(1);
        assertThat(json.get("label").asText()).isEqualTo("out-of-sample");
        assertThat(lines).anyMatch(l -> l.startsWith("999_unknown.ownpage.pdf") && l.contains("ERROR: no truth file"));
        assertThat(lines).anyMatch(l -> l.startsWith("TOTAL (1 documents, 1 errors)"));
        assertThat(lines).contains("errors (inputs not scored): 1");
    }

    @Test
    void totalsArePerVariantOfTheInputName() throws Exception {
        DocumentScore s = ExportComparator.compare(Exports.asExport(TRUTH), TRUTH);
        EvalReport report = new EvalReport()
                .add(s.named("001_a8898a713e576bc4.ownpage.pdf"))
                .add(s.named("001_a8898a713e576bc4.unruled.pdf"))
                .add(s.named("001_a8898a713e576bc4-t02.scan300.pdf"));

        assertThat(report.variants()).containsOnlyKeys("ownpage", "unruled", "scan300");
        List<String> lines = report.lines(0, 0);
        JsonNode variants = Exports.MAPPER.readTree(lines.get(lines.size() - 1)).get("variants");
        assertThat(variants.get("unruled").get("printed_right").asInt()).isEqualTo(164);
        assertThat(variants.get("unruled").get("narrative_right").asInt()).isEqualTo(171);
        assertThat(lines).anyMatch(l -> l.startsWith("ownpage ") && l.contains("164"));
    }

    @Test
    void variantIsTheNameBetweenDocumentIdAndExtension() {
        assertThat(Variants.of("001_x.cont-repeat.pdf")).isEqualTo("cont-repeat");
        assertThat(Variants.of("gen03_e94b0d1a6c8f2357-t05.page.jpg")).isEqualTo("page");
        assertThat(Variants.of("001_x.txt")).isEqualTo("txt");
        assertThat(Variants.of("no_extension")).isEqualTo("(none)");
    }

    @Test
    void runsOverTheFixturesAreInSampleAndOthersUnlabelled() {
        assertThat(RunLabel.forInputs(Path.of("fixtures/seeds"))).isEqualTo("in-sample");
        assertThat(RunLabel.forInputs(Path.of("../shared/external"))).isEqualTo("unlabelled");
    }
}

package reportingest.tables.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import reportingest.layout.Page;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Runs seed text through recognizer + reconciler and compares the result with the truth JSON. */
final class FinancialFixtures {
    static final Path SEEDS = Path.of("fixtures/seeds");
    static final Path TRUTH = Path.of("fixtures/truth");
    static final Set<String> FINANCIAL = Set.of("income_expenditure_summary", "income", "expenditure",
            "fiscal_appropriation_summary", "general_budget_expenditure", "general_budget_basic_expenditure",
            "three_public_expenses", "government_fund", "state_capital");
    private static final List<String> KEY_FIELDS = List.of("side", "item", "line_no", "code", "name", "group");

    private FinancialFixtures() {}

    static String seedText(String seed) throws IOException {
        return Files.readString(SEEDS.resolve(seed + ".txt"), StandardCharsets.UTF_8);
    }

    static ExtractedDocument extract(String text) {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(text, pages::add);
        TextTableRecognizer recognizer = new TextTableRecognizer();
        return new CatalogReconciler().reconcile(pages, recognizer.recognize(pages));
    }

    static JsonNode truth(String seed) throws IOException {
        return new ObjectMapper().readTree(TRUTH.resolve(seed + ".json").toFile());
    }

    static List<JsonNode> financialTruthTables(JsonNode truth) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : truth.get("tables")) if (FINANCIAL.contains(t.get("schema").asText())) out.add(t);
        return out;
    }

    /** What a comparison found: counts for the report, and every difference in words. */
    record Comparison(int tablesExpected, int tablesFound, int cellsExpected, int cellsCorrect,
                      int rowsExpected, int rowKeysCorrect, List<String> differences) {}

    static Comparison compare(JsonNode truth, ExtractedDocument doc) {
        List<JsonNode> expected = financialTruthTables(truth);
        List<String> diffs = new ArrayList<>();
        int cellsExpected = 0, cellsCorrect = 0, rowsExpected = 0, keysCorrect = 0, found = 0;
        for (JsonNode et : expected) {
            String schema = et.get("schema").asText();
            ExtractedTable at = doc.tables().stream().filter(t -> t.schema().equals(schema)).findFirst().orElse(null);
            int cols = et.get("columns").size();
            for (JsonNode r : et.get("rows")) cellsExpected += r.get("values").size();
            rowsExpected += et.get("rows").size();
            if (at == null) { diffs.add(schema + ": table not found"); continue; }
            found++;
            List<String> columns = new ArrayList<>();
            et.get("columns").forEach(c -> columns.add(c.asText()));
            if (!columns.equals(at.columns())) diffs.add(schema + ": columns " + at.columns() + " != " + columns);
            if (at.rows().size() != et.get("rows").size()) {
                diffs.add(schema + ": " + at.rows().size() + " rows, expected " + et.get("rows").size());
            }
            for (int i = 0; i < et.get("rows").size(); i++) {
                JsonNode er = et.get("rows").get(i);
                if (i >= at.rows().size()) { diffs.add(schema + " row " + i + ": missing"); continue; }
                TableRow ar = at.rows().get(i);
                boolean keyOk = true;
                for (String k : KEY_FIELDS) {
                    Object want = scalar(er.get(k));
                    Object got = ar.key().get(k);
                    if (er.has(k) || got != null) {
                        if (!Objects.equals(str(want), str(got))) {
                            keyOk = false;
                            diffs.add(schema + " row " + i + " key " + k + ": " + got + " != " + want);
                        }
                    }
                }
                if (keyOk) keysCorrect++;
                var it = er.get("values").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String want = e.getValue().isNull() ? null : e.getValue().asText();
                    CellValue got = ar.cells().get(e.getKey());
                    String gotValue = got == null ? "<absent>" : got.value();
                    if (Objects.equals(want, gotValue)) cellsCorrect++;
                    else diffs.add(schema + " row " + i + " " + ar.key() + " " + e.getKey() + ": " + gotValue + " != " + want);
                }
                if (ar.cells().size() != er.get("values").size()) {
                    diffs.add(schema + " row " + i + ": " + ar.cells().keySet() + " cells, expected " + er.get("values").size()
                            + " of " + cols + " columns");
                }
            }
        }
        for (ExtractedTable t : doc.tables()) {
            if (expected.stream().noneMatch(e -> e.get("schema").asText().equals(t.schema()))) {
                diffs.add(t.schema() + ": table not in truth");
            }
        }
        return new Comparison(expected.size(), found, cellsExpected, cellsCorrect, rowsExpected, keysCorrect, diffs);
    }

    private static Object scalar(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isInt()) return n.asInt();
        return n.asText();
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }
}

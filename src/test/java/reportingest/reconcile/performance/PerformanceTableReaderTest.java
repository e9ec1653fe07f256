package reportingest.reconcile.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.layout.Page;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceTableReaderTest {
    private static final Path SEEDS = Path.of("fixtures/seeds");
    private static final Path TRUTH = Path.of("fixtures/truth");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} rows equal the truth, keys and every value")
    @CsvSource({
            "002_2cbfc221691712bf, performance_basic_data",
            "002_2cbfc221691712bf, performance_self_evaluation",
            "004_d2f5081e5b89099b, performance_self_evaluation"})
    void rowsMatchTruthExactly(String seed, String schema) throws IOException {
        JsonNode expected = truthTable(seed, schema);
        ExtractedTable actual = onlyTable(read(seed), schema);

        assertThat(actual.title()).isEqualTo(expected.get("title").asText());
        assertThat(actual.columns()).containsExactlyElementsOf(strings(expected.get("columns")));
        List<Map<String, Object>> want = new ArrayList<>();
        for (JsonNode r : expected.get("rows")) want.add(truthRow(r));
        List<Map<String, Object>> got = new ArrayList<>();
        for (TableRow r : actual.rows()) got.add(actualRow(r));
        assertThat(got).containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "{0} yields exactly the performance tables of its truth")
    @ValueSource(strings = {"000_91c9528c206bc5a1", "001_a8898a713e576bc4", "002_2cbfc221691712bf",
            "003_1a3ae03f6167b21e", "004_d2f5081e5b89099b"})
    void findsOnlyTheFormsThatArePrinted(String seed) throws IOException {
        List<String> expected = new ArrayList<>();
        for (JsonNode t : JSON.readTree(TRUTH.resolve(seed + ".json").toFile()).get("tables")) {
            String schema = t.get("schema").asText();
            if (schema.startsWith("performance_")) expected.add(schema);
        }
        assertThat(read(seed)).extracting(ExtractedTable::schema).containsExactlyElementsOf(expected);
    }

    static List<ExtractedTable> read(String seed) throws IOException {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(Files.readString(SEEDS.resolve(seed + ".txt")), pages::add);
        return new PerformanceTableReader().read(pages);
    }

    static JsonNode truthTable(String seed, String schema) throws IOException {
        for (JsonNode t : JSON.readTree(TRUTH.resolve(seed + ".json").toFile()).get("tables")) {
            if (t.get("schema").asText().equals(schema)) return t;
        }
        throw new IllegalArgumentException(seed + " has no " + schema);
    }

    static ExtractedTable onlyTable(List<ExtractedTable> tables, String schema) {
        List<ExtractedTable> found = tables.stream().filter(t -> t.schema().equals(schema)).toList();
        assertThat(found).as("tables of schema %s", schema).hasSize(1);
        return found.get(0);
    }

    /** Key fields plus "values", null values kept, so absent and null cells stay distinct. */
    static Map<String, Object> truthRow(JsonNode row) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("values")) {
                f.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().isNull() ? null : v.getValue().asText()));
            } else {
                out.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
            }
        }
        out.put("values", values);
        return out;
    }

    static Map<String, Object> actualRow(TableRow row) {
        Map<String, Object> out = new LinkedHashMap<>(row.key());
        Map<String, String> values = new LinkedHashMap<>();
        row.cells().forEach((k, v) -> values.put(k, v.value()));
        out.put("values", values);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

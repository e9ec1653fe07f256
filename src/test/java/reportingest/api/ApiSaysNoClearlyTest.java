package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20 item 6 over real HTTP: unknown schema or document → 400/404 naming what exists; the schema list and
 * a document's table list lead to a table's CSV (with a BOM on request, and confidence); one row and one cell
 * with the version an action sends.
 */
class ApiSaysNoClearlyTest extends ServiceOnTempHome {
    ApiClient client;
    long doc;

    @BeforeAll
    void ingest() throws Exception {
        client = new ApiClient(service);
        doc = client.ingest(SyntheticReports.income("接口测试单位", true), "api-edges-1.txt");
    }

    private JsonNode error(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void anUnknownSchemaIsA400NamingTheKnownOnes() throws Exception {
        HttpResponse<String> r = service.getRaw("/api/records?schema=nosuch");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("error").asText()).startsWith("unknown schema 'nosuch'; schemas are ").contains("income, ");
        assertThat(error(r).get("status").asInt()).isEqualTo(400);
        assertThat(service.getRaw("/api/records?schema=income").statusCode()).isEqualTo(200);
    }

    @Test
    void theQueueOfAnUnknownDocumentIsA404() throws Exception {
        HttpResponse<String> r = service.getRaw("/api/review?document=999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r).get("error").asText()).isEqualTo("no document 999999; GET /api/documents lists the documents");
    }

    @Test
    void fromTheSchemaListToATablesCsvWithBomAndConfidence() throws Exception {
        JsonNode schemas = service.get("/api/schemas").get("items");
        assertThat(schemas).anySatisfy(s -> {
            assertThat(s.get("id").asText()).isEqualTo("income");
            assertThat(s.get("title").asText()).isEqualTo("收入决算表");
        });
        JsonNode tables = service.get("/api/documents/" + doc + "/tables").get("items");
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.get("schema").asText()).isEqualTo("income");
            assertThat(t.get("rows").asInt()).isEqualTo(4);
            assertThat(t.get("rowsNeedingReview").asInt()).isEqualTo(1);
            assertThat(t.get("csv").asText()).isEqualTo("/api/documents/" + doc + "/tables/income.csv");
        });
        HttpResponse<String> csv = service.getRaw(tables.get(0).get("csv").asText() + "?bom=1");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF");
        String header = csv.body().substring(1).split("\\r?\\n")[0];
        assertThat(header).endsWith(",status,flags,confidence");
        assertThat(service.getRaw(tables.get(0).get("csv").asText()).body()).doesNotStartWith("\uFEFF");

        HttpResponse<String> missing = service.getRaw("/api/documents/" + doc + "/tables/expenditure.csv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).get("error").asText()).isEqualTo("document " + doc + " has no table expenditure; its tables are [income]");
        assertThat(service.getRaw("/api/documents/999999/tables").statusCode()).isEqualTo(404);
    }

    @Test
    void oneRowAndOneCellWithTheirVersions() throws Exception {
        JsonNode item = service.get("/api/review?document=" + doc).get("items").get(0);
        long rowId = item.get("rowId").asLong();
        JsonNode row = service.get("/api/rows/" + rowId);
        assertThat(row.get("rowKey").get("code").asText()).isEqualTo("207");
        assertThat(row.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        long max = 0;
        for (JsonNode c : row.get("cells")) max = Math.max(max, c.get("version").asLong());
        assertThat(row.get("version").asLong()).isEqualTo(max);
        JsonNode first = row.get("cells").get(0);
        JsonNode cell = service.get("/api/cells/" + first.get("cellId").asLong());
        assertThat(cell.get("version").asLong()).isEqualTo(first.get("version").asLong());
        assertThat(cell.get("rowId").asLong()).isEqualTo(rowId);
        assertThat(cell.get("column").asText()).isEqualTo("本年收入合计");
        assertThat(service.getRaw("/api/cells/999999").statusCode()).isEqualTo(404);
        assertThat(service.getRaw("/api/rows/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void reviewItemsGiveEachReasonOnceBrieflyWithTheActionsThatApply() throws Exception {
        JsonNode item = service.get("/api/review?document=" + doc).get("items").get(0);
        System.out.println(item.get("reasons"));
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (JsonNode r : item.get("reasons")) {
            seen.add(r.get("code").asText() + " " + r.get("message").asText());
            assertThat(r.get("message").asText().length()).isLessThanOrEqualTo(300);
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(item.get("reasons")).extracting(r -> r.get("code").asText()).containsExactly("PARSE_AMBIGUOUS");
        assertThat(item.get("reasons").get(0).get("columns")).extracting(JsonNode::asText).containsExactly("本年收入合计");
        for (JsonNode cell : item.get("cells")) {
            assertThat(cell.get("actions").get("correct").asText()).isEqualTo("/api/cells/" + cell.get("cellId").asLong() + "/correction");
            assertThat(cell.get("actions").has("acceptProposal")).isEqualTo(!cell.get("proposal").isNull());
        }
        assertThat(item.get("actions").fieldNames()).toIterable().containsExactly("approve", "correctLabel");
    }

    /** A broken row sum flags each cell it reads and their row: before, one reason per row and per column. */
    @Test
    void aBrokenIdentityIsOneReasonNamingItsColumns() throws Exception {
        String text = SyntheticReports.income("接口测试二号单位", false)
                .replace("207文化旅游体育与传媒支出\t\t305.20", "207文化旅游体育与传媒支出\t\t306.20");
        long broken = client.ingest(text, "api-edges-2.txt");
        JsonNode items = service.get("/api/review?document=" + broken).get("items");
        System.out.println(items);
        for (JsonNode item : items) {
            java.util.List<String> seen = new java.util.ArrayList<>();
            for (JsonNode r : item.get("reasons")) {
                seen.add(r.get("code").asText() + " " + r.get("message").asText());
                assertThat(r.get("message").asText().length()).isLessThanOrEqualTo(300);
            }
            assertThat(seen).as(item.toString()).doesNotHaveDuplicates();
        }
    }
}

package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * Issue #20 item 3: one correction makes exactly the feed events it changed. Correcting 207's 本年收入合计
 * changes that row's status (its 7 cells); the identities through the cell (合计 = Σ类, 类 = Σ款) now hold and
 * raise the confidence of other rows' cells, which is not an event.
 */
class FeedEventsTest extends ServiceOnTempHome {
    ApiClient client;

    @BeforeAll
    void connect() {
        client = new ApiClient(service);
    }

    @Test
    void aCorrectionMakesEventsOnlyForCellsWhoseValueStatusOrFlagsChanged() throws Exception {
        long doc = client.ingest(SyntheticReports.income("事件测试单位", true), "events-1.txt");
        String cursor = client.pull("0", 100, "").next();
        JsonNode cell = client.flaggedCell(doc);
        long cellId = cell.get("cellId").asLong();
        JsonNode before = service.get("/api/documents/" + doc + "/export");

        HttpResponse<String> r = service.post("/api/cells/" + cellId + "/correction",
                ApiClient.body("305.20", cell.get("version").asLong(), "王审核", "read on the page"), TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);

        List<JsonNode> events = client.pull(cursor, 100, "").items();
        assertThat(events).hasSize(7).allSatisfy(f -> {
            assertThat(f.get("rowKey").get("code").asText()).isEqualTo("207");
            assertThat(f.get("status").asText()).isEqualTo("ACCEPTED");
        });
        // the confidence did change elsewhere: stored and exported, just not sent as an event
        JsonNode after = service.get("/api/documents/" + doc + "/export");
        double totalBefore = before.get("tables").get(0).get("rows").get(0).get("cells").get("本年收入合计").get("confidence").asDouble();
        double totalAfter = after.get("tables").get(0).get("rows").get(0).get("cells").get("本年收入合计").get("confidence").asDouble();
        assertThat(totalAfter).isGreaterThan(totalBefore);
        assertThat(Json.MAPPER.readTree(r.body()).get("documentStatus").asText()).isEqualTo("DONE");
    }

    /** Issue #20 item 5: every feed item and CSV row says how far to trust it and what its numbers mean. */
    @Test
    void feedItemsCarryDocumentStatusBodyAmountUnitAndBboxUnits() throws Exception {
        long doc = client.ingest(SyntheticReports.income("契约测试单位", true), "contract-1.txt");
        List<JsonNode> items = client.pull("0", 1000, "&body=契约测试单位").items();
        assertThat(items).hasSize(28).allSatisfy(f -> {
            assertThat(f.get("document").asLong()).isEqualTo(doc);
            assertThat(f.get("body").asText()).isEqualTo("契约测试单位");
            assertThat(f.get("unit").asText()).isEqualTo("契约测试单位"); // deprecated name, kept one release
            assertThat(f.get("fiscalYear").asInt()).isEqualTo(2030);
            assertThat(f.get("documentStatus").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(f.get("amountUnit").asText()).isEqualTo("万元");
            assertThat(f.get("bboxUnits").asText()).isEqualTo("text-grid");
            assertThat(f.get("confidence").asDouble()).isBetween(0.0, 100.0);
        });
        HttpResponse<String> csv = service.getRaw("/api/records?format=csv&limit=1000&body=契约测试单位");
        String[] lines = csv.body().split("\r?\n");
        assertThat(lines[0]).isEqualTo("changeSeq,cellId,document,fileName,unit,fiscalYear,schema,rowKey,column,value,status,"
                + "confidence,flags,page,bbox,body,documentStatus,amountUnit,bboxUnits");
        assertThat(lines).hasSize(29);
        assertThat(lines[1]).endsWith(",契约测试单位,NEEDS_REVIEW,万元,text-grid");
        JsonNode item = service.get("/api/documents/" + doc);
        assertThat(item.get("body").asText()).isEqualTo("契约测试单位");
        assertThat(item.get("facts").get("body").get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(item.get("facts").get("body").get("page").asInt()).isEqualTo(1);
    }
}

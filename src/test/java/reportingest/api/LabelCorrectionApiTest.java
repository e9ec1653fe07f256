package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * Issue #20 item 2 over real HTTP: a row whose label OCR turned into Latin letters is not ACCEPTED; the
 * review queue says why and proposes the catalog's name; a reviewer corrects the label, audited like a
 * cell, and the row's cells reach the feed with the new label.
 */
class LabelCorrectionApiTest extends ServiceOnTempHome {
    ApiClient client;

    @BeforeAll
    void connect() {
        client = new ApiClient(service);
    }

    private static String body(String field, String value, long version) throws Exception {
        return Json.MAPPER.writeValueAsString(Map.of("field", field, "value", value, "version", version,
                "reviewer", "李复核", "comment", "read on page 1"));
    }

    @Test
    void anUnreadableLabelIsFlaggedAndCorrectedThroughTheApi() throws Exception {
        long doc = client.ingest(SyntheticReports.income("标签测试单位", false, "Wy"), "label-1.txt");
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("NEEDS_REVIEW");

        JsonNode item = service.get("/api/review?document=" + doc).get("items").get(0);
        assertThat(item.get("kind").asText()).isEqualTo("row");
        assertThat(item.get("rowKey").get("name").asText()).isEqualTo("Wy");
        assertThat(item.get("reasons")).extracting(r -> r.get("code").asText()).containsExactly("LABEL_UNREADABLE");
        assertThat(item.get("reasons").get(0).get("message").asText())
                .isEqualTo("code 207: name 'Wy' is not Chinese text; the catalog's label is '文化旅游体育与传媒支出'");
        long rowId = item.get("rowId").asLong();
        long version = item.get("version").asLong();
        assertThat(item.get("actions").get("correctLabel").asText()).isEqualTo("/api/rows/" + rowId + "/label-correction");
        String cursor = client.pull("0", 100, "").next();

        HttpResponse<String> stale = service.post("/api/rows/" + rowId + "/label-correction",
                body("name", "文化旅游体育与传媒支出", version - 1), TOKEN);
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> wrongField = service.post("/api/rows/" + rowId + "/label-correction",
                body("code", "208", version), TOKEN);
        assertThat(wrongField.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(wrongField.body()).get("error").asText())
                .isEqualTo("field must be the row's label field: one of [name], not 'code'");

        HttpResponse<String> r = service.post("/api/rows/" + rowId + "/label-correction",
                body("name", "文化旅游体育与传媒支出", version), TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode outcome = Json.MAPPER.readTree(r.body());
        assertThat(outcome.get("action").asText()).isEqualTo("LABEL_CORRECTION");
        assertThat(outcome.get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("documentStatus").asText()).isEqualTo("DONE");
        assertThat(service.get("/api/review?document=" + doc).get("items")).isEmpty();

        // every cell of the row carries the label, so each reaches the feed once more, with the new name
        List<JsonNode> changes = client.pull(cursor, 100, "").items();
        assertThat(changes).filteredOn(f -> f.get("rowKey").get("code").asText().equals("207")).hasSize(7)
                .allSatisfy(f -> {
                    assertThat(f.get("rowKey").get("name").asText()).isEqualTo("文化旅游体育与传媒支出");
                    assertThat(f.get("status").asText()).isEqualTo("ACCEPTED");
                    assertThat(f.get("flags")).isEmpty();
                });

        JsonNode audit = service.get("/api/audit?row=" + rowId).get("items");
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.get("action").asText()).isEqualTo("LABEL_CORRECTION");
            assertThat(a.get("reviewer").asText()).isEqualTo("李复核");
            assertThat(a.get("column").asText()).isEqualTo("name");
            assertThat(a.get("oldValue").asText()).isEqualTo("Wy");
            assertThat(a.get("newValue").asText()).isEqualTo("文化旅游体育与传媒支出");
            assertThat(a.get("statusBefore").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(a.get("statusAfter").asText()).isEqualTo("ACCEPTED");
        });
        JsonNode exported = service.get("/api/documents/" + doc + "/export").get("tables").get(0).get("rows").get(1);
        assertThat(exported.get("name").asText()).isEqualTo("文化旅游体育与传媒支出");
        assertThat(exported.get("status").asText()).isEqualTo("ACCEPTED");
    }
}

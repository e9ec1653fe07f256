package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * Issue #20 item 4: every amount column of every schema validates its type on correction. Seed 002's
 * performance_basic_data (三公经费, 2023年决算数) refuses 七百 with 400 like the financial tables; a percentage
 * column takes 100.00%; a text column (内容) still takes words.
 */
class CellTypeOnCorrectionTest extends ServiceOnTempHome {
    ApiClient client;
    long doc;
    List<JsonNode> facts;

    @BeforeAll
    void ingestSeed002() throws Exception {
        client = new ApiClient(service);
        doc = client.ingest(Files.readString(Path.of("fixtures/seeds/002_2cbfc221691712bf.txt")), "002_2cbfc221691712bf.txt");
        facts = client.pull("0", 5000, "&schema=performance_basic_data").items();
    }

    private JsonNode fact(String label, String column) {
        return facts.stream().filter(f -> label.equals(f.get("rowKey").path("label").asText()) && column.equals(f.get("column").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + label + " / " + column));
    }

    private HttpResponse<String> correct(JsonNode fact, String value) throws Exception {
        return service.post("/api/cells/" + fact.get("cellId").asLong() + "/correction",
                ApiClient.body(value, fact.get("changeSeq").asLong(), "王审核", "type check"), TOKEN);
    }

    @Test
    void anAmountOfAPerformanceFormRefusesWords() throws Exception {
        JsonNode f = fact("三公经费", "2023年决算数");
        assertThat(f.get("value").asText()).isEqualTo("1.08");
        HttpResponse<String> r = correct(f, "七百");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asText()).isEqualTo("column 2023年决算数 of performance_basic_data "
                + "holds a number: value must be a decimal number like 305.20 or a percentage like 100.00% (or empty for a blank cell), not '七百'");
        assertThat(service.get("/api/audit?cell=" + f.get("cellId").asLong()).get("items")).isEmpty();
        assertThat(correct(f, "1,008.00").statusCode()).isEqualTo(200);
    }

    @Test
    void aPercentageColumnTakesAPercentage() throws Exception {
        JsonNode f = fact("财政供养人员情况", "控制率");
        assertThat(correct(f, "100.00%").statusCode()).isEqualTo(200);
    }
}

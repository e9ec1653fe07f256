package reportingest.api;

import reportingest.support.ServiceOnTempHome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * Reviewers over real HTTP: a flagged cell is corrected, validation runs again, the row is accepted
 * and the correction reaches the pull feed once; concurrent corrections of one cell: one wins, the
 * other gets 409; approvals and a rejection; the audit trail lists every action.
 */
class ReviewApiTest extends ServiceOnTempHome {
    ApiClient client;

    @BeforeAll
    void connect() {
        client = new ApiClient(service);
    }

    @Test
    void correctedCellIsRevalidatedAndReachesTheFeedOnceAfterTheOldCursor() throws Exception {
        long doc = client.ingest(SyntheticReports.income("复核测试一号单位", true), "review-1.txt");
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("NEEDS_REVIEW");
        String cursor = client.pull("0", 50, "").next();

        JsonNode cell = client.flaggedCell(doc);
        assertThat(cell.get("raw").asText()).isEqualTo("3O5.20");
        assertThat(cell.get("flags")).extracting(JsonNode::asText).containsExactly("PARSE_AMBIGUOUS");
        long cellId = cell.get("cellId").asLong();

        HttpResponse<String> r = service.post("/api/cells/" + cellId + "/correction",
                ApiClient.body("305.20", cell.get("version").asLong(), "王审核", "read 305.20 on the page"), TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode outcome = Json.MAPPER.readTree(r.body());
        assertThat(outcome.get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("documentStatus").asText()).isEqualTo("DONE");
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("DONE");
        assertThat(service.get("/api/review?document=" + doc).get("items")).isEmpty();

        List<JsonNode> changes = client.pull(cursor, 3, "").items();
        assertThat(changes).filteredOn(f -> f.get("cellId").asLong() == cellId).singleElement().satisfies(f -> {
            assertThat(f.get("value").asText()).isEqualTo("305.20");
            assertThat(f.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(f.get("flags")).isEmpty();
            assertThat(f.get("changeSeq").asLong()).isEqualTo(outcome.get("changeSeq").asLong());
        });
        // the rest of the row changed status with it (confidence alone is no event: FeedEventsTest);
        // nothing outside this document changed
        assertThat(changes).allSatisfy(f -> {
            assertThat(f.get("document").asLong()).isEqualTo(doc);
            assertThat(f.get("status").asText()).isEqualTo("ACCEPTED");
        });
        assertThat(client.pull(client.pull(cursor, 3, "").next(), 3, "").items()).isEmpty();

        JsonNode audit = service.get("/api/audit?cell=" + cellId).get("items");
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.get("action").asText()).isEqualTo("CORRECTION");
            assertThat(a.get("reviewer").asText()).isEqualTo("王审核");
            assertThat(a.get("comment").asText()).isEqualTo("read 305.20 on the page");
            assertThat(a.get("oldValue").asText()).isEqualTo("305.20");
            assertThat(a.get("newValue").asText()).isEqualTo("305.20");
            assertThat(a.get("statusBefore").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(a.get("statusAfter").asText()).isEqualTo("ACCEPTED");
            assertThat(a.get("at").asText()).isNotBlank();
        });
        JsonNode exported = service.get("/api/documents/" + doc + "/export").get("tables").get(0).get("rows").get(1);
        assertThat(exported.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(exported.get("cells").get("本年收入合计").get("raw").asText()).isEqualTo("3O5.20");
    }

    @Test
    void ofTwoConcurrentCorrectionsOfOneCellOneWinsAndTheOtherGets409() throws Exception {
        long doc = client.ingest(SyntheticReports.income("复核测试二号单位", true), "review-2.txt");
        JsonNode cell = client.flaggedCell(doc);
        long cellId = cell.get("cellId").asLong();
        long version = cell.get("version").asLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String value : List.of("305.20", "306.20")) {
                Callable<HttpResponse<String>> correction = () -> {
                    go.await();
                    return service.post("/api/cells/" + cellId + "/correction",
                            ApiClient.body(value, version, "reviewer-" + value, "both saw version " + version), TOKEN);
                };
                answers.add(pool.submit(correction));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) codes.add(a.get().statusCode());
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> loser = answers.get(codes.indexOf(409)).get();
            assertThat(Json.MAPPER.readTree(loser.body()).get("error").asText()).contains("changed since version " + version);
            assertThat(Json.MAPPER.readTree(loser.body()).get("status").asInt()).isEqualTo(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(service.get("/api/audit?cell=" + cellId).get("items")).hasSize(1);
    }

    @Test
    void approvalsAndRejectionAreAuditedAndRejectedRecordsReachTheFeedAsRejected() throws Exception {
        long doc = client.ingest(SyntheticReports.income("复核测试三号单位", true), "review-3.txt");
        JsonNode row = service.get("/api/review?document=" + doc).get("items").get(0);
        long rowId = row.get("rowId").asLong();

        HttpResponse<String> approved = service.post("/api/rows/" + rowId + "/approval",
                "{\"reviewer\":\"赵\",\"comment\":\"3O5.20 is 305.20 on the scan\"}", TOKEN);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(approved.body()).get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("DONE");

        String cursor = client.pull("0", 100, "").next();
        HttpResponse<String> rejected = service.post("/api/documents/" + doc + "/rejection",
                "{\"reviewer\":\"钱\",\"comment\":\"wrong year's report\"}", TOKEN);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("REJECTED");
        List<JsonNode> changes = client.pull(cursor, 7, "").items();
        int cells = service.get("/api/documents/" + doc + "/export").get("tables").get(0).get("rows").size() * 7;
        assertThat(changes).hasSize(cells).allSatisfy(f -> assertThat(f.get("status").asText()).isEqualTo("REJECTED"));
        assertThat(client.pull("0", 500, "&status=ACCEPTED").items()).noneMatch(f -> f.get("document").asLong() == doc);

        JsonNode cell = service.get("/api/review?document=" + doc).get("items");
        assertThat(cell).isEmpty();
        HttpResponse<String> late = service.post("/api/rows/" + rowId + "/approval", "{\"reviewer\":\"孙\"}", TOKEN);
        assertThat(late.statusCode()).isEqualTo(409);

        assertThat(service.get("/api/audit?document=" + doc).get("items"))
                .extracting(a -> a.get("action").asText() + " by " + a.get("reviewer").asText() + ": "
                        + a.get("statusBefore").asText() + " -> " + a.get("statusAfter").asText())
                .containsExactly("ROW_APPROVED by 赵: NEEDS_REVIEW -> ACCEPTED", "DOCUMENT_REJECTED by 钱: DONE -> REJECTED");
    }

    @Test
    void writesWithoutTheTokenGet401BeforeAnythingElse() throws Exception {
        for (String token : new String[]{null, "wrong-token"}) {
            for (String path : List.of("/api/cells/1/correction", "/api/cells/999999/correction", "/api/rows/x/approval",
                    "/api/documents/1/rejection", "/api/cells/1/proposal-acceptance", "/api/documents/1/approval")) {
                HttpResponse<String> r = service.post(path, "not json", token);
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                JsonNode err = Json.MAPPER.readTree(r.body());
                assertThat(err.get("status").asInt()).isEqualTo(401);
                assertThat(err.get("error").asText()).isNotBlank();
            }
        }
        assertThat(service.get("/api/audit").get("items")).noneMatch(a -> a.get("reviewer").asText().isEmpty());
    }

    @Test
    void badRequestsGet400AndUnknownIds404WithAJsonError() throws Exception {
        long doc = client.ingest(SyntheticReports.income("复核测试四号单位", true), "review-4.txt");
        JsonNode cell = client.flaggedCell(doc);
        long id = cell.get("cellId").asLong();
        long version = cell.get("version").asLong();
        record Case(String path, String body, int status, String message) {}
        List<Case> cases = List.of(
                new Case("/api/cells/" + id + "/correction", "not json", 400, "not valid JSON"),
                new Case("/api/cells/" + id + "/correction", "{\"value\":\"1\",\"version\":" + version + "}", 400, "reviewer"),
                new Case("/api/cells/" + id + "/correction", "{\"value\":\"1\",\"reviewer\":\"a\"}", 400, "version"),
                new Case("/api/cells/" + id + "/correction", ApiClient.body("3O5", version, "a", ""), 400, "decimal"),
                new Case("/api/cells/" + id + "/correction", ApiClient.body("1", version - 1, "a", ""), 409, "changed since"),
                new Case("/api/cells/" + id + "/proposal-acceptance", "{\"version\":" + version + ",\"reviewer\":\"a\"}", 400, "no repair proposal"),
                new Case("/api/cells/abc/correction", ApiClient.body("1", 1, "a", ""), 400, "whole number"),
                new Case("/api/cells/99999999/correction", ApiClient.body("1", 1, "a", ""), 404, "no cell"),
                new Case("/api/rows/99999999/approval", "{\"reviewer\":\"a\"}", 404, "no row"),
                new Case("/api/documents/99999999/rejection", "{\"reviewer\":\"a\",\"comment\":\"x\"}", 404, "no document"),
                new Case("/api/documents/" + doc + "/rejection", "{\"reviewer\":\"a\"}", 400, "comment"));
        for (Case c : cases) {
            HttpResponse<String> r = service.post(c.path(), c.body(), TOKEN);
            assertThat(r.statusCode()).as(c.path() + " " + c.body()).isEqualTo(c.status());
            JsonNode err = Json.MAPPER.readTree(r.body());
            assertThat(err.get("status").asInt()).isEqualTo(c.status());
            assertThat(err.get("error").asText()).contains(c.message());
        }
        for (String get : List.of("/api/records?limit=0", "/api/records?limit=x", "/api/records?since=-1", "/api/records?after=-1", "/api/records?after=1&since=1",
                "/api/records?status=DONE", "/api/records?year=twenty", "/api/records?format=xml", "/api/review?limit=0",
                "/api/audit?cell=x", "/api/documents/x/export", "/api/documents/1/pages/x.png", "/api/cells/x/crop.png")) {
            HttpResponse<String> r = service.getRaw(get);
            assertThat(r.statusCode()).as(get).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(r.body()).get("error").asText()).isNotBlank();
        }
        for (String get : List.of("/api/documents/99999999/tables/income.csv", "/api/documents/" + doc + "/tables/state_capital.csv",
                "/api/documents/99999999/pages/1.png", "/api/cells/99999999/crop.png", "/api/documents/" + doc + "/pages/1.png")) {
            HttpResponse<String> r = service.getRaw(get);
            assertThat(r.statusCode()).as(get).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(r.body()).get("error").asText()).isNotBlank();
        }
        assertThat(service.getRaw("/api/documents/" + doc + "/pages/1.png").body()).contains("no page images");
        assertThat(service.get("/api/audit?cell=" + id).get("items")).isEmpty();
    }
}

package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.store.Json;
import reportingest.support.ServiceOnTempHome;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * The review station (issue #12) on the running service over real HTTP: /review and every file it loads come from the
 * jar, and the calls its script makes (the queue per document, the flag words, a document's export and page image,
 * a cell's version, then a correction, a proposal taken, a row approved, a document rejected with a comment) answer
 * the statuses the page shows, exactly.
 */
class ReviewStationTest extends ServiceOnTempHome {
    ApiClient client;

    @BeforeAll
    void connect() {
        client = new ApiClient(service);
    }

    @Test
    void thePageAndEveryFileItLoadsAreServedFromTheClasspathWithAStrictPolicy() throws Exception {
        HttpResponse<String> bare = service.getRaw("/review");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/review/");

        HttpResponse<String> page = service.getRaw("/review/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("报表审核工作站");
        assertThat(page.body()).doesNotContain("http://", "https://"); // no CDN, nothing from elsewhere

        // every file the page names is served, with its type, and is the file in the jar
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(page.body());
        while (m.find()) assets.add(m.group(1));
        assertThat(assets).containsExactlyInAnyOrder("station.css", "station.js");
        for (String asset : assets) {
            HttpResponse<byte[]> r = service.getBytes("/review/" + asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css");
            try (InputStream in = ReviewStation.class.getResourceAsStream("/review/" + asset)) {
                assertThat(in).as(asset + " on the classpath").isNotNull();
                assertThat(r.body()).isEqualTo(in.readAllBytes());
            }
        }
        String script = new String(service.getBytes("/review/station.js").body(), StandardCharsets.UTF_8);
        assertThat(script).doesNotContain("http://", "https://", "innerHTML", "eval(");

        // nothing else under /review: the API's JSON 404
        HttpResponse<String> unknown = service.getRaw("/review/secret.txt");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aFlaggedTextCellCorrectedAsThePageDoesItTurnsTheRowAcceptedAndTheDocumentDone() throws Exception {
        long doc = client.ingest(SyntheticReports.income("审核站一号单位", true), "station-1.txt");

        JsonNode queued = queueItem("NEEDS_REVIEW", doc);
        assertThat(queued.get("fileName").asText()).isEqualTo("station-1.txt");
        assertThat(queued.get("body").asText()).isEqualTo("审核站一号单位");
        assertThat(queued.get("fiscalYear").asInt()).isEqualTo(2030);
        assertThat(queued.get("type").asText()).isEqualTo("text/plain");
        assertThat(queued.get("flaggedRows").asInt()).isEqualTo(1);
        assertThat(queued.get("flaggedCells").asInt()).isEqualTo(1);
        assertThat(queued.get("documentFlags").asInt()).isZero();
        assertThat(queued.get("reasons")).extracting(r -> r.get("code").asText()).contains("PARSE_AMBIGUOUS");
        assertThat(queued.get("reasons")).filteredOn(r -> r.get("code").asText().equals("PARSE_AMBIGUOUS"))
                .singleElement().satisfies(r -> assertThat(r.get("reasonZh").asText()).isEqualTo("部分数值无法确定地读成一个数字。"));
        // the filters the queue view offers
        assertThat(items("/api/review/documents?body=" + java.net.URLEncoder.encode("审核站一号", StandardCharsets.UTF_8))).extracting(i -> i.get("documentId").asLong()).containsExactly(doc);
        assertThat(items("/api/review/documents?status=ALL&year=2029")).isEmpty();

        JsonNode words = service.get("/api/flags").get("items");
        assertThat(words).extracting(w -> w.get("code").asText()).contains("PARSE_AMBIGUOUS", "REPAIR_PROPOSED", "LABEL_RECONCILED");
        assertThat(words).allSatisfy(w -> assertThat(w.get("reasonZh").asText()).isNotBlank());

        // the document view: the export's cells (with boxes), then the cell's version, then the correction
        JsonNode flagged = flaggedExportCell(doc);
        assertThat(flagged.get("raw").asText()).isEqualTo("3O5.20");
        long cellId = flagged.get("cellId").asLong();
        assertThat(service.getRaw("/api/documents/" + doc + "/pages/1.png").statusCode()).isEqualTo(404); // text: no image
        long version = service.get("/api/cells/" + cellId).get("version").asLong();
        String cursor = client.pull("0", 100, "").next();

        JsonNode outcome = post("/api/cells/" + cellId + "/correction",
                "{\"value\":\"305.20\",\"version\":" + version + ",\"reviewer\":\"王审核\"}");
        assertThat(outcome.get("action").asText()).isEqualTo("CORRECTION");
        assertThat(outcome.get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("documentStatus").asText()).isEqualTo("DONE");

        // what the page reloads after the action
        assertThat(service.get("/api/documents/" + doc).get("status").asText()).isEqualTo("DONE");
        assertThat(items("/api/review/documents")).noneMatch(i -> i.get("documentId").asLong() == doc);
        JsonNode done = queueItem("DONE", doc);
        assertThat(done.get("flaggedRows").asInt()).isZero();
        assertThat(done.get("flaggedCells").asInt()).isZero();
        assertThat(done.get("reasons")).isEmpty();
        assertThat(client.pull(cursor, 100, "").items()).filteredOn(f -> f.get("cellId").asLong() == cellId)
                .singleElement().satisfies(f -> assertThat(f.get("value").asText()).isEqualTo("305.20"));
        JsonNode audit = service.get("/api/audit?document=" + doc + "&limit=1000").get("items");
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.get("reviewer").asText()).isEqualTo("王审核");
            assertThat(a.get("statusBefore").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(a.get("statusAfter").asText()).isEqualTo("ACCEPTED");
        });
    }

    @Test
    void aWrongFigureOnAScanIsShownOnItsPageAndItsProposalTakenLikeEnterDoes() throws Exception {
        service.drop(AlteredScan.png(), "station-scan.png");
        service.awaitIn(service.archive(), "station-scan.png");
        long doc = service.allDocuments().stream().filter(d -> d.get("fileName").asText().equals("station-scan.png"))
                .mapToLong(d -> d.get("id").asLong()).max().orElseThrow();

        JsonNode queued = queueItem("NEEDS_REVIEW", doc);
        assertThat(queued.get("flaggedRows").asInt()).isEqualTo(1);
        assertThat(queued.get("reasons")).extracting(r -> r.get("code").asText()).contains("REPAIR_PROPOSED", "ROW_SUM_MISMATCH");

        HttpResponse<byte[]> image = service.getBytes("/api/documents/" + doc + "/pages/1.png");
        assertThat(image.statusCode()).isEqualTo(200);
        double ppp = Double.parseDouble(image.headers().firstValue("X-Pixels-Per-Point").orElseThrow());
        assertThat(ppp).isCloseTo(300 / 72.0, org.assertj.core.data.Offset.offset(0.01));

        JsonNode cell = flaggedExportCell(doc);
        assertThat(cell.get("raw").asText()).isEqualTo(AlteredScan.PRINTED);
        assertThat(cell.get("proposal").asText()).isEqualTo(AlteredScan.PROPOSED);
        assertThat(cell.get("flags")).extracting(JsonNode::asText).contains("REPAIR_PROPOSED");
        // its box is where the figure is printed (the page outlines it there)
        assertThat(cell.get("bbox").get(0).asDouble()).isCloseTo(AlteredScan.BOX[0], org.assertj.core.data.Offset.offset(6.0));
        assertThat(cell.get("bbox").get(1).asDouble()).isCloseTo(AlteredScan.BOX[1], org.assertj.core.data.Offset.offset(6.0));
        long cellId = cell.get("cellId").asLong();
        assertThat(service.getBytes("/api/cells/" + cellId + "/crop.png").statusCode()).isEqualTo(200);

        long version = service.get("/api/cells/" + cellId).get("version").asLong();
        JsonNode outcome = post("/api/cells/" + cellId + "/proposal-acceptance", "{\"version\":" + version + ",\"reviewer\":\"李审核\"}");
        assertThat(outcome.get("value").asText()).isEqualTo(AlteredScan.PROPOSED);
        assertThat(outcome.get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("documentStatus").asText()).isEqualTo("DONE");
        assertThat(queueItem("DONE", doc).get("flaggedRows").asInt()).isZero();
    }

    @Test
    void aRowApprovedAndADocumentRejectedWithACommentAsThePageDoesIt() throws Exception {
        long approved = client.ingest(SyntheticReports.income("审核站二号单位", true), "station-2.txt");
        long rejected = client.ingest(SyntheticReports.income("审核站三号单位", true), "station-3.txt");

        long rowId = flaggedRowId(approved);
        JsonNode outcome = post("/api/rows/" + rowId + "/approval", "{\"reviewer\":\"赵审核\"}");
        assertThat(outcome.get("action").asText()).isEqualTo("ROW_APPROVED");
        assertThat(outcome.get("rowStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("documentStatus").asText()).isEqualTo("DONE");

        // the page refuses to send a rejection without a comment; the service refuses it too
        HttpResponse<String> noComment = service.post("/api/documents/" + rejected + "/rejection", "{\"reviewer\":\"钱审核\"}", TOKEN);
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(queueItem("NEEDS_REVIEW", rejected).get("status").asText()).isEqualTo("NEEDS_REVIEW");

        JsonNode rejection = post("/api/documents/" + rejected + "/rejection", "{\"reviewer\":\"钱审核\",\"comment\":\"不是本单位的报表\"}");
        assertThat(rejection.get("documentStatus").asText()).isEqualTo("REJECTED");
        JsonNode item = queueItem("REJECTED", rejected);
        assertThat(item.get("status").asText()).isEqualTo("REJECTED");
        assertThat(items("/api/review/documents")).noneMatch(i -> i.get("documentId").asLong() == rejected);
        assertThat(service.get("/api/audit?document=" + rejected).get("items")).singleElement()
                .satisfies(a -> assertThat(a.get("comment").asText()).isEqualTo("不是本单位的报表"));

        // a write without the token is refused, as the page's signed-out state is
        assertThat(service.post("/api/rows/" + flaggedRowIdOrNone(rejected) + "/approval", "{\"reviewer\":\"x\"}", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aFailedFileIsListedWithItsReasonAndCanBeTakenAgain() throws Exception {
        service.drop("not a pdf at all".getBytes(StandardCharsets.UTF_8), "station-broken.pdf");
        service.awaitIn(service.failed(), "station-broken.pdf");
        JsonNode failed = items("/api/review/documents?status=FAILED").stream()
                .filter(i -> i.get("fileName").asText().equals("station-broken.pdf")).findFirst().orElseThrow();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("PDF");
        // and from its error file, for the clerk: the code, what to do, both in Chinese
        assertThat(failed.get("code").asText()).isEqualTo("CORRUPT");
        assertThat(failed.get("action").asText()).contains("inbox");
        assertThat(failed.get("reasonZh").asText()).isNotBlank();
        assertThat(failed.get("actionZh").asText()).contains("inbox");
        assertThat(service.get("/api/ledger").get("counts").get("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(service.get("/api/health").get("inbox").asInt()).isGreaterThanOrEqualTo(0);
        // retried (as the page's button does): a copy goes into the inbox and is taken again under a row of its own;
        // the original and its error file stay where they were, and the folders still agree with the rows
        long first = failed.get("documentId").asLong();
        assertThat(service.post("/api/documents/" + first + "/retry", "{}", null).statusCode()).isEqualTo(401);
        HttpResponse<String> retried = service.post("/api/documents/" + first + "/retry", "{}", TOKEN);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(retried.body()).get("inbox").asText()).isEqualTo("station-broken.pdf");
        service.awaitIn(service.failed(), "station-broken~2.pdf");
        assertThat(service.failed().resolve("station-broken.pdf")).exists();
        assertThat(service.failed().resolve("station-broken.pdf.error.json")).exists();
        List<JsonNode> both = items("/api/review/documents?status=FAILED").stream()
                .filter(i -> i.get("fileName").asText().equals("station-broken.pdf")).toList();
        assertThat(both).hasSize(2).extracting(i -> i.get("documentId").asLong()).contains(first);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> service.get("/api/ledger").get("reconciles").asBoolean());
        // only a failed file is taken again
        long done = client.ingest(SyntheticReports.income("审核站重试单位", false), "station-retry-done.txt");
        HttpResponse<String> notFailed = service.post("/api/documents/" + done + "/retry", "{}", TOKEN);
        assertThat(notFailed.statusCode()).isEqualTo(409);
        assertThat(notFailed.body()).contains("only a failed file");
        assertThat(service.post("/api/documents/999999/retry", "{}", TOKEN).statusCode()).isEqualTo(404);

        HttpResponse<String> bad = service.getRaw("/api/review/documents?status=SOMETIMES");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("NEEDS_REVIEW");
    }

    private List<JsonNode> items(String path) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        service.get(path).get("items").forEach(out::add);
        return out;
    }

    private JsonNode queueItem(String status, long doc) throws Exception {
        return items("/api/review/documents?status=" + status).stream().filter(i -> i.get("documentId").asLong() == doc)
                .findFirst().orElseThrow(() -> new AssertionError("document " + doc + " not listed as " + status));
    }

    /** The first flagged cell of a row needing review, as the page finds it in the export (its first Tab stop). */
    private JsonNode flaggedExportCell(long doc) throws Exception {
        for (JsonNode table : service.get("/api/documents/" + doc + "/export").get("tables")) {
            for (JsonNode row : table.get("rows")) {
                if (!row.get("status").asText().equals("NEEDS_REVIEW")) continue;
                for (JsonNode column : table.get("columns")) {
                    JsonNode cell = row.get("cells").get(column.asText());
                    if (cell != null && !cell.get("flags").isEmpty()) return cell;
                }
            }
        }
        throw new AssertionError("no flagged cell in document " + doc);
    }

    private long flaggedRowId(long doc) throws Exception {
        for (JsonNode table : service.get("/api/documents/" + doc + "/export").get("tables")) {
            for (JsonNode row : table.get("rows")) if (row.get("status").asText().equals("NEEDS_REVIEW")) return row.get("rowId").asLong();
        }
        throw new AssertionError("no row needing review in document " + doc);
    }

    private long flaggedRowIdOrNone(long doc) throws Exception {
        return service.get("/api/documents/" + doc + "/export").get("tables").get(0).get("rows").get(0).get("rowId").asLong();
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = service.post(path, body, TOKEN);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }
}

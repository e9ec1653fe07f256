package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.RunningService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The review station in a real browser (Debian's headless Chromium over the DevTools protocol) on the running service
 * with its H2 file: the queue with the failed file and its reason; sign in with a reviewer's account (a wrong password refused first); find the scan with a wrong figure in the queue by keyboard; its page image shows with the
 * flagged cell highlighted and selected, the proposal ready; Enter takes it, the row turns ACCEPTED, the document DONE
 * and the feed carries the change once; a text report's cell is typed over (first wrongly: the row stays in review,
 * then rightly); a row approved with Alt+A; a document rejected with Alt+R and a comment; a document's own flags
 * approved with Alt+D; an unreadable row label corrected with Alt+L; the audit trail shown; a failed file retried from the queue; signed out, a key writes nothing. Screenshots of the queue and the document view go to target/review-station/. Skipped without Chromium.
 */
class ReviewStationBrowserTest {
    static final String NAME = "王审核";
    /** The page is not loading or acting (it marks body data-busy meanwhile; keys pressed then are not taken). */
    static final String IDLE = " && !document.body.dataset.busy";
    static final String PASSWORD = "审核-站-password";
    static final Path SHOTS = Path.of("target/review-station");

    @TempDir
    Path home;
    @TempDir
    Path profile;

    @Test
    void aReviewerClearsFlaggedCellsWithTheKeyboard() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no Chromium at " + HeadlessChromium.BINARY + " (Debian packages chromium)");
        try (RunningService service = RunningService.start(home); HeadlessChromium browser = new HeadlessChromium(profile)) {
            ApiClient client = new ApiClient(service);
            service.drop(AlteredScan.png(), "scan-57.png");
            service.awaitIn(service.archive(), "scan-57.png");
            long scan = idOf(service, "scan-57.png");
            long typed = client.ingest(SyntheticReports.income("浏览器测试一号单位", true), "typed.txt");
            long approved = client.ingest(SyntheticReports.income("浏览器测试二号单位", true), "approved.txt");
            long rejected = client.ingest(SyntheticReports.income("浏览器测试三号单位", true), "rejected.txt");
            // a seed report: its contents list a table it does not print (a flag of the document) and one row is flagged
            service.drop(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"), "seed-004.txt");
            service.awaitIn(service.archive(), "seed-004.txt");
            long seed = idOf(service, "seed-004.txt");
            long label = client.ingest(SyntheticReports.income("浏览器测试四号单位", false, "Wy"), "label.txt");
            service.drop("<html>not a scan</html>".getBytes(StandardCharsets.UTF_8), "scan-from-the-web.pdf");
            service.awaitIn(service.failed(), "scan-from-the-web.pdf");
            String base = "http://127.0.0.1:" + service.port();

            // the queue: four documents need review; the counts at the top
            browser.open(base + "/review");
            browser.await("document.querySelectorAll('#queue tr.doc').length === 6");
            assertThat(browser.text("document.querySelector('#count-needsReview b').textContent")).isEqualTo("6");
            assertThat(browser.text("document.querySelector('#doc-" + scan + "').textContent")).contains("scan-57.png");
            assertThat(browser.text("document.querySelector('#count-failed b').textContent")).isEqualTo("1");
            assertThat(browser.text("document.querySelector('#failed').textContent")).contains("scan-from-the-web.pdf", "无法读取", "inbox");

            // sign in with the reviewer's account (a wrong password first: refused, the dialog says so)
            new ReviewerAccounts(home.resolve(ReviewerAccounts.FILE)).put(NAME, PASSWORD.toCharArray());
            browser.click("#signin-button");
            browser.await("document.querySelector('#signin-dialog').open && document.activeElement.id === 'signin-name'");
            browser.insertText(NAME);
            browser.tab(false);
            browser.insertText("not-the-password");
            browser.enter();
            browser.await("document.querySelector('#signin-error').textContent.includes('401')");
            browser.insertText(PASSWORD); // the wrong one is selected: typing replaces it
            browser.enter();
            browser.await("document.querySelector('#reviewer').textContent === '" + NAME + "'");
            assertThat(browser.eval("document.cookie").asText()).isEmpty(); // HttpOnly: the script never sees the session
            browser.screenshot(SHOTS.resolve("queue.png"));

            // to the scan by keyboard: down to its line, Enter
            int strokesBefore = browser.keystrokes();
            long t0 = System.nanoTime();
            List<String> order = new ArrayList<>();
            for (JsonNode id : browser.eval("[...document.querySelectorAll('#queue tr.doc')].map(r => r.dataset.id)")) order.add(id.asText());
            for (int i = 0; i < order.indexOf(Long.toString(scan)); i++) browser.press("ArrowDown", "ArrowDown", 40, 0, null);
            browser.enter();
            browser.await("document.querySelector('#page-image') && document.querySelector('#page-image').naturalWidth > 0"
                    + " && document.querySelector('#page .box.flagged.sel')" + IDLE, Duration.ofSeconds(30));
            JsonNode cell = flaggedCell(service, scan);
            long cellId = cell.get("cellId").asLong();
            assertThat(browser.text("document.querySelector('#page .box.sel').dataset.cell")).isEqualTo(Long.toString(cellId));
            assertThat(browser.text("document.querySelector('#page .box.sel').className")).contains("c-repair");
            assertThat(browser.text("document.activeElement.id")).isEqualTo("value");
            assertThat(browser.text("document.activeElement.value")).isEqualTo(AlteredScan.PRINTED);
            assertThat(browser.text("document.querySelector('#proposal').textContent")).contains(AlteredScan.PROPOSED);
            assertThat(browser.text("document.querySelector('#reasons').textContent")).contains("各行之和与表内总计不符", "57.43");
            browser.await("document.querySelector('#crop') && document.querySelector('#crop').naturalWidth > 0");
            // the highlighted box lies on the printed figure: its box in points times the image's scale
            JsonNode box = browser.eval("(() => { const b = document.querySelector('#page .box.sel'), i = document.querySelector('#page-image');"
                    + " const k = i.clientWidth / i.naturalWidth * 300 / 72; return [b.offsetLeft / k, b.offsetTop / k]; })()");
            assertThat(box.get(0).asDouble()).isBetween(AlteredScan.BOX[0] - 6, AlteredScan.BOX[0] + 6);
            assertThat(box.get(1).asDouble()).isBetween(AlteredScan.BOX[1] - 6, AlteredScan.BOX[1] + 6);
            browser.screenshot(SHOTS.resolve("document.png"));

            String cursor = client.pull("0", 500, "").next();
            browser.enter(); // take the proposal
            browser.await("document.querySelector('#doc-status').dataset.status === 'DONE'" + IDLE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int strokes = browser.keystrokes() - strokesBefore;
            assertThat(service.get("/api/cells/" + cellId).get("value").asText()).isEqualTo(AlteredScan.PROPOSED);
            assertThat(service.get("/api/cells/" + cellId).get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(client.pull(cursor, 500, "").items()).filteredOn(f -> f.get("cellId").asLong() == cellId).singleElement()
                    .satisfies(f -> {
                        assertThat(f.get("value").asText()).isEqualTo(AlteredScan.PROPOSED);
                        assertThat(f.get("status").asText()).isEqualTo("ACCEPTED");
                    });
            assertThat(browser.text("document.querySelector('#progress').textContent")).startsWith("剩余 0 /");
            System.out.printf("review station: the scan's flagged cell cleared in %d keystrokes, %.1f s (queue to DONE)%n", strokes, seconds);

            // a text report: type over the value; a wrong figure keeps the row in review, the right one accepts it
            browser.press("q", "KeyQ", 'Q', HeadlessChromium.ALT, null); // back to the queue
            browser.await("document.querySelector('#queue')");
            browser.eval("location.hash = '#/doc/" + typed + "'");
            long typedCell = flaggedCell(service, typed).get("cellId").asLong();
            browser.await("document.querySelector('#detail').dataset.cell === '" + typedCell + "' && document.activeElement.id === 'value'" + IDLE);
            assertThat(browser.text("document.querySelector('#no-page-image').textContent")).contains("没有页面图像");
            browser.type("305.21");
            browser.enter();
            browser.await("document.querySelector('#toast').textContent.includes('CORRECTION')");
            browser.await("document.querySelector('#doc-status') && document.querySelector('#doc-status').dataset.status === 'NEEDS_REVIEW'"
                    + " && document.querySelector('#detail').dataset.cell !== ''" + IDLE);
            assertThat(service.get("/api/cells/" + typedCell).get("value").asText()).isEqualTo("305.21");
            assertThat(service.get("/api/cells/" + typedCell).get("status").asText()).isEqualTo("NEEDS_REVIEW");
            for (int i = 0; i < 10 && !browser.text("document.querySelector('#detail').dataset.cell").equals(Long.toString(typedCell)); i++) {
                browser.tab(false);
            }
            assertThat(browser.text("document.querySelector('#detail').dataset.cell")).isEqualTo(Long.toString(typedCell));
            browser.type("305.20");
            browser.enter();
            browser.await("document.querySelector('#doc-status').dataset.status === 'DONE'" + IDLE);
            assertThat(service.get("/api/cells/" + typedCell).get("status").asText()).isEqualTo("ACCEPTED");

            // approve a row as it is: Alt+A
            browser.eval("location.hash = '#/doc/" + approved + "'");
            browser.await("document.querySelector('#doc-name').textContent === 'approved.txt' && document.activeElement.id === 'value'" + IDLE);
            browser.chord(HeadlessChromium.ALT, 'a');
            browser.await("document.querySelector('#doc-status').dataset.status === 'DONE'");
            assertThat(service.get("/api/documents/" + approved).get("status").asText()).isEqualTo("DONE");
            assertThat(service.get("/api/audit?document=" + approved).get("items").get(0).get("action").asText()).isEqualTo("ROW_APPROVED");

            // reject a document: Alt+R, a comment, Ctrl+Enter (an empty comment is not sent)
            browser.eval("location.hash = '#/doc/" + rejected + "'");
            browser.await("document.querySelector('#doc-name').textContent === 'rejected.txt' && document.activeElement.id === 'value'" + IDLE);
            browser.chord(HeadlessChromium.ALT, 'r');
            browser.await("document.querySelector('#reject-dialog').open && document.activeElement.id === 'reject-comment'");
            browser.press("Enter", "Enter", 13, HeadlessChromium.CTRL, null);
            assertThat(browser.eval("document.querySelector('#reject-dialog').open").asBoolean()).isTrue();
            browser.insertText("不是本单位的报表");
            browser.press("Enter", "Enter", 13, HeadlessChromium.CTRL, null);
            browser.await("document.querySelector('#doc-status').dataset.status === 'REJECTED'");
            JsonNode rejection = service.get("/api/audit?document=" + rejected).get("items");
            assertThat(rejection).singleElement().satisfies(a -> {
                assertThat(a.get("action").asText()).isEqualTo("DOCUMENT_REJECTED");
                assertThat(a.get("reviewer").asText()).isEqualTo(NAME);
                assertThat(a.get("comment").asText()).isEqualTo("不是本单位的报表");
            });

            // the document's own flags: listed above the page, approved with Alt+D; its flagged row then with Alt+A
            browser.eval("location.hash = '#/doc/" + seed + "'");
            browser.await("document.querySelector('#doc-name').textContent === 'seed-004.txt' && document.querySelector('#docflags')"
                    + " && document.activeElement.id === 'value'" + IDLE);
            assertThat(browser.text("document.querySelector('#docflags').textContent")).contains("报告目录所列的表格未找到");
            browser.chord(HeadlessChromium.ALT, 'd');
            browser.await("!document.querySelector('#docflags') && document.activeElement.id === 'value'" + IDLE);
            assertThat(browser.text("document.querySelector('#doc-status').dataset.status")).isEqualTo("NEEDS_REVIEW");
            browser.chord(HeadlessChromium.ALT, 'a');
            browser.await("document.querySelector('#doc-status').dataset.status === 'DONE'" + IDLE);
            assertThat(service.get("/api/audit?document=" + seed).get("items")).extracting(a -> a.get("action").asText())
                    .containsExactly("DOCUMENT_APPROVED", "ROW_APPROVED");

            // a row label OCR could not read: Alt+L, the label as printed, Enter
            browser.eval("location.hash = '#/doc/" + label + "'");
            browser.await("document.querySelector('#doc-name').textContent === 'label.txt' && document.querySelector('#label')" + IDLE);
            assertThat(browser.text("document.querySelector('#reasons').textContent")).contains("行名称无法辨认");
            browser.chord(HeadlessChromium.ALT, 'l');
            browser.await("document.activeElement.id === 'label'");
            browser.insertText("文化旅游体育与传媒支出");
            browser.enter();
            browser.await("document.querySelector('#doc-status').dataset.status === 'DONE'" + IDLE);
            assertThat(service.get("/api/audit?document=" + label).get("items")).singleElement().satisfies(a -> {
                assertThat(a.get("action").asText()).isEqualTo("LABEL_CORRECTION");
                assertThat(a.get("newValue").asText()).isEqualTo("文化旅游体育与传媒支出");
            });

            // the rejected document's audit trail: who, what, why
            browser.eval("location.hash = '#/doc/" + rejected + "'");
            browser.await("document.querySelector('#doc-name').textContent === 'rejected.txt'" + IDLE);
            browser.click("#audit-button");
            browser.await("document.querySelector('#audit-table')");
            assertThat(browser.text("document.querySelector('#audit-table').textContent")).contains(NAME, "DOCUMENT_REJECTED", "不是本单位的报表");

            // the failed file taken again from the queue's failed list (it fails again: it is still not a PDF)
            browser.press("q", "KeyQ", 'Q', HeadlessChromium.ALT, null);
            browser.await("document.querySelector('#failed button.retry')" + IDLE);
            browser.click("#failed button.retry");
            browser.await("document.querySelector('#toast').textContent.includes('已复制回收件箱')");
            service.awaitIn(service.failed(), "scan-from-the-web~2.pdf");
            browser.eval("loadFailed()");
            browser.await("document.querySelectorAll('#failed button.retry').length === 2");

            // signed out, a key writes nothing and asks to sign in
            browser.click("#signout-button");
            browser.await("document.querySelector('#signin-button').hidden === false");
            int actions = service.get("/api/audit?limit=1000").get("items").size();
            browser.eval("location.hash = '#/'");
            browser.await("document.querySelector('#queue-empty')"); // nothing needs review any more
            assertThat(service.get("/api/review/documents").get("items")).isEmpty();
            browser.eval("location.hash = '#/doc/" + approved + "'");
            browser.await("document.querySelector('#doc-name') && document.querySelector('#doc-name').textContent === 'approved.txt'" + IDLE);
            browser.chord(HeadlessChromium.ALT, 'd');
            browser.await("document.querySelector('#signin-dialog').open");
            assertThat(service.get("/api/audit?limit=1000").get("items").size()).isEqualTo(actions);
        }
    }

    /**
     * Issue #12's measure: 20 flagged cells with proposals (four scans of the 支出决算表 page, five wrong figures each,
     * {@link AlteredScan#fiveOfSix}) cleared from the queue with the keyboard: per file Enter to open it, Enter on each
     * proposed cell (the page moves to the next one by itself), Alt+Q back to the queue. Keystrokes and seconds are
     * printed and written to target/review-station/measure.txt.
     */
    @Test
    void twentyFlaggedCellsWithProposalsAreClearedWithTheKeyboard() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no Chromium at " + HeadlessChromium.BINARY + " (Debian packages chromium)");
        try (RunningService service = RunningService.start(home); HeadlessChromium browser = new HeadlessChromium(profile)) {
            new ReviewerAccounts(home.resolve(ReviewerAccounts.FILE)).put(NAME, PASSWORD.toCharArray());
            List<Long> docs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                service.drop(AlteredScan.png(AlteredScan.fiveOfSix(i)), "five-" + i + ".png");
                service.awaitIn(service.archive(), "five-" + i + ".png");
                docs.add(idOf(service, "five-" + i + ".png"));
            }
            int proposals = 0;
            for (long doc : docs) {
                for (JsonNode item : service.get("/api/review?document=" + doc + "&limit=1000").get("items")) {
                    for (JsonNode c : item.path("cells")) if (!c.get("proposal").isNull()) proposals++;
                }
            }
            assertThat(proposals).isEqualTo(20);

            browser.open("http://127.0.0.1:" + service.port() + "/review/");
            browser.await("document.querySelectorAll('#queue tr.doc').length === 4");
            browser.click("#signin-button");
            browser.await("document.querySelector('#signin-dialog').open");
            browser.insertText(NAME);
            browser.tab(false);
            browser.insertText(PASSWORD);
            browser.enter();
            browser.await("document.querySelector('#reviewer').textContent === '" + NAME + "'");

            int strokes0 = browser.keystrokes();
            long t0 = System.nanoTime();
            for (int d = 0; d < 4; d++) {
                browser.await("document.querySelectorAll('#queue tr.doc').length === " + (4 - d));
                browser.enter();
                browser.await("document.querySelector('#progress') && document.querySelector('#progress').dataset.left === '5'"
                        + " && document.activeElement.id === 'value' && document.querySelector('#proposal')" + IDLE, Duration.ofSeconds(30));
                for (int left = 4; left >= 0; left--) {
                    browser.enter();
                    browser.await("document.querySelector('#progress').dataset.left === '" + left + "'" + IDLE
                            + (left > 0 ? " && document.activeElement.id === 'value' && document.querySelector('#proposal')" : ""),
                            Duration.ofSeconds(30));
                }
                browser.await("document.querySelector('#doc-status').dataset.status === 'DONE'" + IDLE);
                browser.press("q", "KeyQ", 'Q', HeadlessChromium.ALT, null);
            }
            browser.await("document.querySelector('#queue-empty')");
            double seconds = (System.nanoTime() - t0) / 1e9;
            int strokes = browser.keystrokes() - strokes0;

            for (int i = 0; i < 4; i++) {
                assertThat(service.get("/api/documents/" + docs.get(i)).get("status").asText()).isEqualTo("DONE");
                JsonNode rows = service.get("/api/documents/" + docs.get(i) + "/export").get("tables").get(0).get("rows");
                for (AlteredScan.Alteration a : AlteredScan.fiveOfSix(i)) {
                    JsonNode row = null;
                    for (JsonNode r : rows) if (a.row().equals(r.path("code").asText())) row = r;
                    assertThat(row).as(a.row()).isNotNull();
                    assertThat(row.get("values").get(a.column()).asText()).as(a.row() + " " + a.column()).isEqualTo(a.printed());
                    assertThat(row.get("status").asText()).isEqualTo("ACCEPTED");
                }
            }
            assertThat(service.get("/api/audit?limit=1000").get("items")).hasSize(20)
                    .allSatisfy(a -> assertThat(a.get("action").asText()).isEqualTo("PROPOSAL_ACCEPTED"));
            String line = String.format(java.util.Locale.ROOT, "review station: 20 flagged cells with proposals in 4 scans cleared in"
                    + " %d keystrokes and %.1f s (queue to queue empty, signed in; %.2f s a cell)", strokes, seconds, seconds / 20);
            System.out.println(line);
            System.out.println("page console: " + browser.console());
            java.nio.file.Files.createDirectories(SHOTS);
            java.nio.file.Files.writeString(SHOTS.resolve("measure.txt"), line + "\n");
        }
    }

    private static long idOf(RunningService service, String name) throws Exception {
        return service.allDocuments().stream().filter(d -> d.get("fileName").asText().equals(name))
                .mapToLong(d -> d.get("id").asLong()).max().orElseThrow();
    }

    /** The first flagged cell of the document's first row needing review, as the page selects it first. */
    private static JsonNode flaggedCell(RunningService service, long doc) throws Exception {
        for (JsonNode table : service.get("/api/documents/" + doc + "/export").get("tables")) {
            for (JsonNode row : table.get("rows")) {
                if (!row.get("status").asText().equals("NEEDS_REVIEW")) continue;
                for (JsonNode column : table.get("columns")) {
                    JsonNode c = row.get("cells").get(column.asText());
                    if (c != null && !c.get("flags").isEmpty()) return c;
                }
            }
        }
        throw new AssertionError("no flagged cell in document " + doc);
    }
}

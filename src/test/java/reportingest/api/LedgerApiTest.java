package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import reportingest.route.InboxEntries;
import reportingest.chaos.BadInputs;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/ledger on the real service: every file seen, by state, with counts that add up
 * (seen = inbox + inProgress + archive + failed + duplicate) and reconcile with the folders.
 */
class LedgerApiTest {
    static final Path GOOD = Path.of("fixtures/seeds/001_a8898a713e576bc4.txt");

    @TempDir
    Path home;

    @Test
    void aGoodFileABadFileADuplicateAndARefusedLinkAreCountedExactlyAndReconcile() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            JsonNode empty = service.get("/api/ledger");
            assertThat(empty.get("seen").asInt()).isZero();
            assertThat(empty.get("reconciles").asBoolean()).isTrue();

            service.drop(GOOD, "good.txt");
            service.awaitIn(service.archive(), "good.txt");
            service.drop(BadInputs.corruptPdf(), "bad.pdf");
            service.drop(GOOD, "same again.txt");
            Path outside = Files.writeString(home.resolve("outside.txt"), "not the service's to read");
            Files.createSymbolicLink(service.inbox().resolve("link.txt"), outside);
            // partial downloads and hidden files are left alone: not seen, only reported as ignored
            Files.writeString(service.inbox().resolve("coming.pdf.part"), "half");
            Files.writeString(service.inbox().resolve(".hidden"), "x");
            service.awaitIn(service.failed(), "bad.pdf");
            service.awaitIn(service.archive(), "same again.duplicate-of-1.txt");
            service.awaitIn(service.failed(), "link.txt");

            JsonNode ledger = await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/ledger"),
                    l -> l.get("counts").get("inProgress").asInt() == 0);
            assertThat(ledger.get("seen").asInt()).isEqualTo(4);
            assertThat(counts(ledger)).containsExactlyEntriesOf(linked(
                    "inbox", 0, "inProgress", 0, "done", 0, "needsReview", 1, "rejected", 0, "failed", 2, "duplicate", 1));
            assertThat(ledger.get("archive").asInt()).isEqualTo(1);
            assertThat(ledger.get("reconciles").asBoolean()).isTrue();
            assertThat(ledger.get("discrepancies")).isEmpty();
            assertThat(ledger.get("warnings")).isEmpty();
            assertThat(ledger.get("folders").get("inbox").asInt()).isZero();
            // good.txt needs review: its review file lies beside it and is not a file of its own
            assertThat(service.archive().resolve("good.txt.review.json")).exists();
            assertThat(ledger.get("folders").get("archive").asInt()).isEqualTo(2);
            assertThat(ledger.get("folders").get("failed").asInt()).isEqualTo(2);
            assertThat(ledger.get("ignored").asInt()).isEqualTo(2);

            // the files of one state, a page at a time
            JsonNode first = service.get("/api/ledger?state=failed&limit=1");
            JsonNode second = service.get("/api/ledger?state=failed&limit=1&after=" + first.get("next").asText());
            assertThat(second.get("next").isNull()).isTrue();
            List<JsonNode> failed = new ArrayList<>();
            first.get("items").forEach(failed::add);
            second.get("items").forEach(failed::add);
            assertThat(failed).extracting(i -> i.get("fileName").asText()).containsExactlyInAnyOrder("bad.pdf", "link.txt");
            assertThat(failed).allSatisfy(i -> {
                assertThat(i.get("status").asText()).isEqualTo("FAILED");
                assertThat(i.get("storedAs").asText()).isEqualTo(service.failed().resolve(i.get("fileName").asText()).toString());
            });
            assertThat(service.get("/api/ledger?state=duplicate").get("items"))
                    .extracting(i -> i.get("fileName").asText()).containsExactly("same again.txt");

            var bad = service.getRaw("/api/ledger?state=lost");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("inProgress", "needsReview", "duplicate");
            assertThat(service.getRaw("/api/ledger?limit=5").statusCode()).isEqualTo(400);
            assertThat(service.getRaw("/api/ledger?state=done&limit=0").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aFileTakenOutOfTheArchiveBehindTheServicesBackIsNamedAndTheLedgerNoLongerReconciles() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            service.drop(GOOD, "good.txt");
            Path archived = service.awaitIn(service.archive(), "good.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/ledger").get("reconciles").asBoolean());

            Path aside = Files.move(archived, home.resolve("good.txt"));
            Files.writeString(service.archive().resolve("stray.pdf"), "dropped into the archive by hand");
            JsonNode ledger = service.get("/api/ledger");
            assertThat(ledger.get("reconciles").asBoolean()).isFalse();
            assertThat(ledger.get("discrepancies")).extracting(JsonNode::asText).containsExactly(
                    "document 1 ('good.txt', NEEDS_REVIEW): its file archive/good.txt is not there",
                    "archive/stray.pdf has no document row");
            assertThat(ledger.get("seen").asInt()).isEqualTo(1);
            assertThat(ledger.get("folders").get("archive").asInt()).isEqualTo(1);

            Files.move(aside, archived);
            Files.move(service.archive().resolve("stray.pdf"), home.resolve("stray.pdf"));
            assertThat(service.get("/api/ledger").get("reconciles").asBoolean()).isTrue();
        }
    }

    /** The ledger counts inbox entries as the consumer takes them: the same partial-download names as ingest.yaml's exclude. */
    @Test
    @SuppressWarnings("unchecked")
    void theLedgersPartialDownloadsAreTheConsumersExclude() throws Exception {
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of("camel-routes/ingest.yaml")));
        String exclude = null;
        for (Object entry : (List<Object>) loaded) {
            Map<String, Object> route = (Map<String, Object>) ((Map<String, Object>) entry).get("route");
            if (route == null) continue;
            Map<String, Object> from = (Map<String, Object>) route.get("from");
            exclude = (String) ((Map<String, Object>) from.get("parameters")).get("exclude");
        }
        assertThat(exclude).isEqualTo(InboxEntries.PARTIAL);
    }

    private static Map<String, Integer> counts(JsonNode ledger) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        ledger.get("counts").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    private static Map<String, Integer> linked(Object... kv) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], (Integer) kv[i + 1]);
        return out;
    }
}

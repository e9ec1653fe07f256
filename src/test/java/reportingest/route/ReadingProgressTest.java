package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reportingest.support.ServiceOnTempHome;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #20 item 7: while a multi-page scan is read, its document item already knows its page count and
 * counts the pages done (before: PROCESSING with pages null until the end). A TIFF of 6 OCR'd pages.
 */
class ReadingProgressTest extends ServiceOnTempHome {
    private static final String TIFF = "gen01_7c1e52a09b3d4f86-t02-05-06.tiff.tiff";

    private JsonNode item() throws Exception {
        return service.allDocuments().stream().filter(d -> d.get("fileName").asText().equals(TIFF)).findFirst().orElse(null);
    }

    @Test
    void aScanBeingReadShowsItsPageCountAndPagesDone() throws Exception {
        service.drop(Path.of("fixtures/scans", TIFF), TIFF);
        AtomicReference<JsonNode> during = new AtomicReference<>();
        // the item as it is while the pages are read (OCR takes seconds a page, so this state lasts)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode d = item();
            if (d == null || !d.get("status").asText().equals("PROCESSING") || d.get("pages").isNull()) return false;
            during.set(d);
            return true;
        });
        assertThat(during.get().get("pages").asInt()).isEqualTo(6);
        assertThat(during.get().get("pagesDone").asInt()).isBetween(0, 6);

        service.awaitIn(service.archive(), TIFF);
        JsonNode done = item();
        assertThat(done.get("pages").asInt()).isEqualTo(6);
        assertThat(done.get("pagesDone").asInt()).isEqualTo(6);
    }
}

package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers take two files of one content at the same moment (issue #13): one is processed, the other waits
 * in the inbox while that run lasts and is then recorded as its duplicate; never two runs of one content.
 */
class SameContentAtOnceTest {
    @TempDir
    Path home;
    @TempDir
    Path staging;

    @Test
    void theSecondFileOfOneContentWaitsForTheFirstAndIsItsDuplicate() throws Exception {
        byte[] report = Files.readAllBytes(InboxToArchiveTest.SEEDS.resolve("001_a8898a713e576bc4.txt"));
        try (RunningService service = RunningService.start(home, Map.of("ingest.workers", "2"))) {
            Path first = Files.write(staging.resolve("first.txt"), report);
            Path second = Files.write(staging.resolve("second.txt"), report);
            // both appear in one poll, so the two workers take them together
            Files.move(first, service.inbox().resolve("first.txt"));
            Files.move(second, service.inbox().resolve("second.txt"));

            // which of the two runs first is the workers' race; the other waits for it
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> service.allDocuments().size() == 2 && service.inbox().toFile().list().length == 0);
            List<JsonNode> docs = service.allDocuments().stream().sorted(Comparator.comparingLong(d -> d.get("id").asLong())).toList();
            JsonNode original = docs.stream().filter(d -> !d.get("status").asText().equals("DUPLICATE")).findFirst().orElseThrow();
            JsonNode duplicate = docs.stream().filter(d -> d.get("status").asText().equals("DUPLICATE")).findFirst().orElseThrow();
            assertThat(original.get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
            assertThat(original.get("attempts").asInt()).isEqualTo(1);
            assertThat(duplicate.get("duplicateOf").asLong()).isEqualTo(original.get("id").asLong());
            assertThat(List.of(original.get("fileName").asText(), duplicate.get("fileName").asText()))
                    .containsExactlyInAnyOrder("first.txt", "second.txt");
            assertThat(service.archive().resolve(original.get("fileName").asText())).exists();
            String stem = duplicate.get("fileName").asText().replace(".txt", "");
            assertThat(service.archive().resolve(stem + ".duplicate-of-" + original.get("id").asText() + ".txt")).exists();
            try (var failed = Files.list(service.failed())) {
                assertThat(failed).isEmpty();
            }
        }
    }
}

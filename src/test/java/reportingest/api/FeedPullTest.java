package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.feed.FeedFact;
import reportingest.feed.FeedStore;
import reportingest.support.RunningService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.support.RunningService.TOKEN;

/**
 * A downstream client reads the whole feed in pages of 7 while documents are being ingested and
 * cells corrected, and ends with exactly the facts in the database: no change repeated, none missed.
 */
class FeedPullTest {
    static final Path SEEDS = Path.of("fixtures/seeds");
    static final int PAGE = 7;

    @TempDir
    Path home;

    @Test
    void pagesOf7WhileIngestingAndCorrectingEndWithExactlyTheFactsInTheDatabase() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            ApiClient client = new ApiClient(service);
            List<String> names = new ArrayList<>();
            try (Stream<Path> seeds = Files.list(SEEDS)) {
                for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    service.drop(seed, seed.getFileName().toString());
                    names.add(seed.getFileName().toString());
                }
            }
            Set<String> damaged = new HashSet<>();
            for (int i = 1; i <= 4; i++) {
                String name = "synthetic-" + i + ".txt";
                service.drop(SyntheticReports.income("拉取测试单位" + i, i % 2 == 0).getBytes(StandardCharsets.UTF_8), name);
                names.add(name);
                if (i % 2 == 0) damaged.add(name);
            }

            List<JsonNode> pulled = new ArrayList<>();
            String cursor = "0";
            int requests = 0;
            Set<String> corrected = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                boolean allDone = finished(service, names) && corrected.containsAll(damaged);
                JsonNode page = service.get("/api/records?limit=" + PAGE + "&after=" + cursor);
                requests++;
                page.get("items").forEach(pulled::add);
                assertThat(page.get("items").size()).isLessThanOrEqualTo(PAGE);
                cursor = page.get("next").asText();
                // correct a damaged cell once the client has read it: the correction must reach it again
                for (JsonNode d : service.allDocuments()) {
                    String name = d.get("fileName").asText();
                    long id = d.get("id").asLong();
                    if (damaged.contains(name) && !corrected.contains(name) && d.get("status").asText().equals("NEEDS_REVIEW")) {
                        JsonNode cell = client.flaggedCell(id);
                        long cellId = cell.get("cellId").asLong();
                        if (pulled.stream().noneMatch(f -> f.get("cellId").asLong() == cellId)) continue;
                        assertThat(service.post("/api/cells/" + cellId + "/correction",
                                ApiClient.body("305.20", cell.get("version").asLong(), "feed-test", "checked"), TOKEN)
                                .statusCode()).isEqualTo(200);
                        corrected.add(name);
                    }
                }
                if (allDone && !page.get("more").asBoolean()) break;
                assertThat(System.nanoTime()).as("feed drained in time").isLessThan(deadline);
                // a polling client: pause briefly only when it has caught up with the feed
                if (!page.get("more").asBoolean()) LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }

            List<FeedFact> database = new FeedStore(service.database()).all();
            Map<Long, JsonNode> lastSeen = new LinkedHashMap<>();
            long previous = 0;
            Set<String> changes = new HashSet<>();
            for (JsonNode f : pulled) {
                long seq = f.get("changeSeq").asLong();
                assertThat(seq).as("change numbers only grow: no change handed out twice").isGreaterThan(previous);
                previous = seq;
                assertThat(changes.add(f.get("cellId").asLong() + "@" + seq)).isTrue();
                lastSeen.put(f.get("cellId").asLong(), f);
            }
            Map<Long, FeedFact> inDatabase = new HashMap<>();
            database.forEach(f -> inDatabase.put(f.cellId(), f));
            assertThat(lastSeen.keySet()).as("every cell, none missing, none extra").isEqualTo(inDatabase.keySet());
            for (FeedFact f : database) {
                JsonNode seen = lastSeen.get(f.cellId());
                assertThat(seen.get("changeSeq").asLong()).as("latest change of cell " + f.cellId()).isEqualTo(f.changeSeq());
                assertThat(seen.get("value").isNull() ? null : seen.get("value").asText()).isEqualTo(f.value());
                assertThat(seen.get("status").asText()).isEqualTo(f.status());
            }
            assertThat(database).hasSizeGreaterThan(1000);
            assertThat(corrected).hasSize(2);
            assertThat(pulled.size()).as("corrected rows came again as new changes").isGreaterThan(database.size());
            System.out.printf("feed: %d facts in the database, %d changes pulled in %d requests of up to %d%n",
                    database.size(), pulled.size(), requests, PAGE);
        }
    }

    private static boolean finished(RunningService service, List<String> names) throws Exception {
        Map<String, String> status = new HashMap<>();
        for (JsonNode d : service.allDocuments()) status.put(d.get("fileName").asText(), d.get("status").asText());
        return names.stream().allMatch(n -> Set.of("DONE", "NEEDS_REVIEW").contains(status.getOrDefault(n, "")));
    }
}

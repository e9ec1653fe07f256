package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.support.RunningService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a client of the API does in these tests: drop a report and find its document, read the feed, find a flagged cell. */
final class ApiClient {
    private final RunningService service;

    ApiClient(RunningService service) {
        this.service = service;
    }

    /** Drops a report and waits until it is archived; returns its document id. */
    long ingest(String text, String name) throws Exception {
        service.drop(text.getBytes(StandardCharsets.UTF_8), name);
        service.awaitIn(service.archive(), name);
        return service.allDocuments().stream().filter(d -> d.get("fileName").asText().equals(name))
                .mapToLong(d -> d.get("id").asLong()).max().orElseThrow();
    }

    record Pull(List<JsonNode> items, String next, int requests) {}

    /** Reads the feed from the cursor {@code since} to its current end in pages of {@code pageSize}. */
    Pull pull(String since, int pageSize, String filters) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = since;
        int requests = 0;
        while (true) {
            JsonNode page = service.get("/api/records?limit=" + pageSize + "&after=" + cursor + filters);
            requests++;
            page.get("items").forEach(items::add);
            cursor = page.get("next").asText();
            if (!page.get("more").asBoolean()) return new Pull(items, cursor, requests);
        }
    }

    /** The first cell in the review queue of the document that carries a flag. */
    JsonNode flaggedCell(long documentId) throws Exception {
        for (JsonNode item : service.get("/api/review?document=" + documentId).get("items")) {
            if (!item.get("kind").asText().equals("row")) continue;
            for (JsonNode cell : item.get("cells")) {
                if (!cell.get("flags").isEmpty()) return cell;
            }
        }
        throw new AssertionError("no flagged cell in document " + documentId);
    }

    static String body(String value, long version, String reviewer, String comment) {
        return "{\"value\":\"" + value + "\",\"version\":" + version + ",\"reviewer\":\"" + reviewer
                + "\",\"comment\":\"" + comment + "\"}";
    }
}

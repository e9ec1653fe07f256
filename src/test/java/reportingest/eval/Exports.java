package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the truth fixtures and exports made from them. */
final class Exports {
    private Exports() {}

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path TRUTH_DIR = Path.of("fixtures", "truth");

    static Stream<Path> truthFiles() {
        try (Stream<Path> files = Files.list(TRUTH_DIR)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            if (all.isEmpty()) throw new IllegalStateException("no truth files in " + TRUTH_DIR.toAbsolutePath());
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode truth(Path file) {
        try {
            return TruthFiles.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The truth as a clean export: every row ACCEPTED without flags. */
    static ObjectNode asExport(JsonNode truth) {
        ObjectNode export = truth.deepCopy();
        export.putArray("flags");
        for (JsonNode table : export.path("tables")) {
            ((ObjectNode) table).putArray("flags");
            for (JsonNode row : table.path("rows")) {
                ((ObjectNode) row).put("status", "ACCEPTED");
                ((ObjectNode) row).putArray("flags");
            }
        }
        return export;
    }

    static ArrayNode tables(JsonNode doc) { return (ArrayNode) doc.path("tables"); }

    static ArrayNode rows(JsonNode doc, int table) { return (ArrayNode) doc.path("tables").get(table).path("rows"); }

    static int cells(JsonNode table) {
        int n = 0;
        for (JsonNode row : table.path("rows")) n += row.path("values").size();
        return n;
    }

    static int cells(JsonNode doc, boolean unused) {
        int n = 0;
        for (JsonNode t : doc.path("tables")) n += cells(t);
        return n;
    }
}

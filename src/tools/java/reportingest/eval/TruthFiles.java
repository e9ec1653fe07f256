package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Where the truth for an input lives (DESIGN.md, bin/eval) and how to read it. */
public final class TruthFiles {
    private TruthFiles() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The document id: the file name up to its first dot ({@code 001_x.scan.tiff} -> {@code 001_x}). */
    public static String documentId(Path input) {
        String name = input.getFileName().toString();
        int dot = name.indexOf('.');
        // A leading dot would leave nothing; keep such names whole rather than match "".
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The truth file for an input; it may not exist, which callers report. */
    public static Path truthFor(Path input, Path truthDir) {
        return truthDir.resolve(documentId(input) + ".json");
    }

    public static JsonNode read(Path json) throws IOException {
        return MAPPER.readTree(json.toFile());
    }
}

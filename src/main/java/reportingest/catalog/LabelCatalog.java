package reportingest.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The row labels standard forms print, as data: the lines of the two-sided summary tables in their
 * printed orders ({@code catalog/row-labels.json}) and the names printed for each budget-subject and
 * economic-classification code ({@code catalog/subject-codes.tsv}). Adding a label, an order variant
 * or a code is an edit of those files only.
 */
public final class LabelCatalog {
    public static final String LINES_RESOURCE = "/catalog/row-labels.json";
    public static final String CODES_RESOURCE = "/catalog/subject-codes.tsv";

    /** schema id → side → printed orders of its lines. */
    private final Map<String, Map<String, List<List<String>>>> sequences;
    /** code system (function, economic) → code → names, most printed first. */
    private final Map<String, Map<String, List<String>>> names;

    public LabelCatalog(Map<String, Map<String, List<List<String>>>> sequences, Map<String, Map<String, List<String>>> names) {
        this.sequences = sequences == null ? Map.of() : sequences;
        this.names = names == null ? Map.of() : names;
    }

    private static volatile LabelCatalog loaded;

    /** The catalog from the class path (read once). */
    public static LabelCatalog load() {
        LabelCatalog c = loaded;
        if (c == null) {
            try (InputStream lines = LabelCatalog.class.getResourceAsStream(LINES_RESOURCE);
                 InputStream codes = LabelCatalog.class.getResourceAsStream(CODES_RESOURCE)) {
                if (lines == null || codes == null) throw new IllegalStateException("label catalog resources missing");
                c = load(lines, codes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = c;
        }
        return c;
    }

    public static LabelCatalog load(InputStream lines, InputStream codes) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        LinesFile file = mapper.readValue(lines, LinesFile.class);
        Map<String, Map<String, List<String>>> names = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(codes, StandardCharsets.UTF_8));
        boolean header = true;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) { header = false; continue; } // system code name
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            names.computeIfAbsent(f[0].strip(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[1].strip(), k -> new ArrayList<>()).add(f[2].strip());
        }
        return new LabelCatalog(file.schemas(), names);
    }

    record LinesFile(Integer version, String comment, Map<String, Map<String, List<List<String>>>> schemas) {}

    /** The printed orders of a side's lines; empty when the catalog knows none. */
    public List<List<String>> sequences(String schema, String side) {
        return sequences.getOrDefault(schema, Map.of()).getOrDefault(side, List.of());
    }

    /** Every line a side is known to print, each once. */
    public List<String> lines(String schema, String side) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (List<String> s : sequences(schema, side)) all.addAll(s);
        return List.copyOf(all);
    }

    /** The names printed for a code, most printed first; empty for an unknown code. */
    public List<String> names(String system, String code) {
        if (system == null || code == null) return List.of();
        return names.getOrDefault(system, Map.of()).getOrDefault(code, List.of());
    }

    /** All codes of a system with their names. */
    public Map<String, List<String>> codes(String system) {
        return system == null ? Map.of() : names.getOrDefault(system, Map.of());
    }
}

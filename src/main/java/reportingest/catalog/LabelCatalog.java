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
    public static final String CLASSES_RESOURCE = "/catalog/code-classes.tsv";

    /** schema id → side → printed orders of its lines. */
    private final Map<String, Map<String, List<List<String>>>> sequences;
    /** code system (function, economic) → code → names, most printed first. */
    private final Map<String, Map<String, List<String>>> names;
    /** code system → the ranges of 类 (three-digit heads) its codes start with; none known: any. */
    private final Map<String, List<int[]>> classes;

    public LabelCatalog(Map<String, Map<String, List<List<String>>>> sequences, Map<String, Map<String, List<String>>> names) {
        this(sequences, names, Map.of());
    }

    public LabelCatalog(Map<String, Map<String, List<List<String>>>> sequences, Map<String, Map<String, List<String>>> names,
                        Map<String, List<int[]>> classes) {
        this.sequences = sequences == null ? Map.of() : sequences;
        this.names = names == null ? Map.of() : names;
        this.classes = classes == null ? Map.of() : classes;
    }

    private static volatile LabelCatalog loaded;

    /** The catalog from the class path (read once). */
    public static LabelCatalog load() {
        LabelCatalog c = loaded;
        if (c == null) {
            try (InputStream lines = LabelCatalog.class.getResourceAsStream(LINES_RESOURCE);
                 InputStream codes = LabelCatalog.class.getResourceAsStream(CODES_RESOURCE);
                 InputStream classes = LabelCatalog.class.getResourceAsStream(CLASSES_RESOURCE)) {
                if (lines == null || codes == null || classes == null) throw new IllegalStateException("label catalog resources missing");
                c = load(lines, codes, classes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = c;
        }
        return c;
    }

    public static LabelCatalog load(InputStream lines, InputStream codes, InputStream classes) throws IOException {
        LabelCatalog c = load(lines, codes);
        Map<String, List<int[]>> ranges = new LinkedHashMap<>();
        for (String[] f : rows(classes)) ranges.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new int[]{Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        return new LabelCatalog(c.sequences, c.names, ranges);
    }

    /** The fields of a tab-separated catalog file's lines after its header, comments and blank lines skipped. */
    private static List<String[]> rows(InputStream in) throws IOException {
        List<String[]> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = true;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) { header = false; continue; }
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
            out.add(f);
        }
        return out;
    }

    public static LabelCatalog load(InputStream lines, InputStream codes) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        LinesFile file = mapper.readValue(lines, LinesFile.class);
        Map<String, Map<String, List<String>>> names = new LinkedHashMap<>();
        for (String[] f : rows(codes)) { // system code name
            names.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
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

    /**
     * Whether a code can be one of the system's by its 类 (first three digits): false only where the
     * system's class ranges are known and the code's head lies outside all of them.
     */
    public boolean possibleClass(String system, String code) {
        List<int[]> ranges = system == null ? null : classes.get(system);
        if (ranges == null || ranges.isEmpty() || code == null) return true;
        if (code.length() < 3 || !code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return false;
        int head = Integer.parseInt(code.substring(0, 3));
        return ranges.stream().anyMatch(r -> head >= r[0] && head <= r[1]);
    }

    /** The class ranges of a system, as text (201–234, 101–110). */
    public String classRanges(String system) {
        return classes.getOrDefault(system, List.of()).stream().map(r -> r[0] + "–" + r[1]).collect(java.util.stream.Collectors.joining(", "));
    }

    /** All codes of a system with their names. */
    public Map<String, List<String>> codes(String system) {
        return system == null ? Map.of() : names.getOrDefault(system, Map.of());
    }
}

package reportingest.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the service: stored columns, the export and the HTTP API. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored bbox column ([x0, y0, x1, y1]), or null where the cell has none. */
    public static List<Double> bbox(String json) {
        return json == null ? null : read(json, new TypeReference<List<Double>>() {});
    }

    public static List<String> readStrings(String json) {
        return read(json == null ? "[]" : json, new TypeReference<List<String>>() {});
    }

    public static LinkedHashMap<String, Object> readObject(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    public static List<Map<String, Object>> readObjects(String json) {
        return read(json == null ? "[]" : json, new TypeReference<List<Map<String, Object>>>() {});
    }
}

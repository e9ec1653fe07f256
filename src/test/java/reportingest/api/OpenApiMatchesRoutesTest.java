package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description and the REST routes of camel-routes/api.yaml describe the same API. */
class OpenApiMatchesRoutesTest {
    static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch");

    @TempDir
    Path home;

    @Test
    void everyRouteIsDescribedAndEveryDescribedOperationIsARoute() throws Exception {
        assertThat(operations(openApi())).isEqualTo(restRoutes());
    }

    @Test
    void pathParametersAreDeclaredAndWritesNeedTheTokenAndAnswer401() throws Exception {
        JsonNode paths = openApi().get("paths");
        Pattern template = Pattern.compile("\\{(\\w+)}");
        for (var path : iterable(paths.fieldNames())) {
            for (var verb : iterable(paths.get(path).fieldNames())) {
                JsonNode op = paths.get(path).get(verb);
                Matcher m = template.matcher(path);
                while (m.find()) {
                    String name = m.group(1);
                    boolean declared = false;
                    for (JsonNode p : op.path("parameters")) {
                        declared |= p.get("name").asText().equals(name) && p.get("in").asText().equals("path");
                    }
                    assertThat(declared).as(verb + " " + path + " declares {" + name + "}").isTrue();
                }
                assertThat(op.get("responses").has("200")).as(verb + " " + path).isTrue();
                if (verb.equals("post")) {
                    assertThat(op.has("security")).as(verb + " " + path + " security").isTrue();
                    assertThat(op.get("responses").has("401")).as(verb + " " + path + " 401").isTrue();
                }
            }
        }
    }

    @Test
    void theServiceServesThisDescription() throws Exception {
        try (RunningService service = RunningService.start(home)) {
            var r = service.getRaw("/api/openapi.json");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            // the description as written, with servers naming the address this service listens on
            com.fasterxml.jackson.databind.node.ObjectNode expected = (com.fasterxml.jackson.databind.node.ObjectNode) openApi();
            expected.putArray("servers").addObject().put("url", "http://127.0.0.1:" + service.port());
            assertThat(Json.MAPPER.readTree(r.body())).isEqualTo(expected);
        }
    }

    static JsonNode openApi() throws Exception {
        try (InputStream in = OpenApiMatchesRoutesTest.class.getResourceAsStream("/openapi.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    static Set<String> operations(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        JsonNode paths = doc.get("paths");
        for (var path : iterable(paths.fieldNames())) {
            for (var verb : iterable(paths.get(path).fieldNames())) {
                if (VERBS.contains(verb)) out.add(verb.toUpperCase() + " " + path);
            }
        }
        return out;
    }

    /** "GET /api/documents/{id}" for every verb of every rest block in the routes file. */
    @SuppressWarnings("unchecked")
    static Set<String> restRoutes() throws Exception {
        Set<String> out = new TreeSet<>();
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of("camel-routes/api.yaml")));
        for (Object entry : (List<Object>) loaded) {
            Map<String, Object> rest = (Map<String, Object>) ((Map<String, Object>) entry).get("rest");
            if (rest == null) continue;
            String base = String.valueOf(rest.getOrDefault("path", ""));
            for (String verb : VERBS) {
                for (Object op : (List<Object>) rest.getOrDefault(verb, new ArrayList<>())) {
                    out.add(verb.toUpperCase() + " " + base + ((Map<String, Object>) op).get("path"));
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}

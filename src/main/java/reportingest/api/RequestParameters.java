package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import reportingest.store.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First step of every API route. The HTTP component puts request headers and query parameters into one
 * map of message headers, so a header {@code limit: 1} would act as a query parameter and a query
 * parameter {@code ?Authorization=Bearer …} as the token. Here each parameter a handler reads is taken
 * from where the API description (openapi.json) says it lives: query parameters from the query string
 * only, path parameters from the path only; unknown query parameters are refused with the list of known
 * ones, and the token is refused anywhere but in the Authorization header.
 */
public final class RequestParameters {
    /** Request headers a handler may read: everything else a client sends is dropped before the handler. */
    private static final Set<String> HTTP_HEADERS_READ = Set.of("authorization", "accept", "content-type",
            // the review station's session cookie and CSRF token (ApiToken, SessionApi)
            "cookie", "x-csrf-token");
    private static final int MAX_QUERY_CHARS = 4096;

    private final List<Operation> operations;

    public RequestParameters() {
        this.operations = Operation.all(describedApi());
    }

    public void bind(Exchange exchange) {
        Message in = exchange.getMessage();
        String method = String.valueOf(in.getHeader(Exchange.HTTP_METHOD)).toLowerCase(Locale.ROOT);
        String path = in.getHeader(Exchange.HTTP_PATH, "", String.class);
        String uri = in.getHeader(Exchange.HTTP_URI, "", String.class);
        Map<String, String> query = parseQuery(in.getHeader(Exchange.HTTP_QUERY, String.class));
        Operation op = operations.stream().filter(o -> o.matches(method, path, uri)).findFirst().orElse(null);
        for (String name : query.keySet()) {
            if (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("access_token")) {
                throw Params.bad("send the API token only in the header 'Authorization: Bearer <token>', never in the address");
            }
            if (op != null && !op.query().contains(name)) {
                throw Params.bad(op.query().isEmpty()
                        ? "this endpoint takes no query parameters, not '" + name + "'"
                        : "unknown query parameter '" + name + "'; this endpoint takes: " + String.join(", ", op.query()));
            }
        }
        Map<String, String> pathValues = op == null ? Map.of() : op.pathValues(path, uri);
        // keep only Camel's own headers and the few HTTP headers handlers read, then put back the path and
        // query values from where they belong
        for (String name : new ArrayList<>(in.getHeaders().keySet())) {
            if (!name.startsWith("Camel") && !HTTP_HEADERS_READ.contains(name.toLowerCase(Locale.ROOT))) in.removeHeader(name);
        }
        pathValues.forEach(in::setHeader);
        if (op != null) query.forEach(in::setHeader);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        if (raw.length() > MAX_QUERY_CHARS) throw Params.bad("the query string is longer than " + MAX_QUERY_CHARS + " characters");
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.containsKey(name)) throw Params.bad("query parameter '" + name + "' is given more than once");
            out.put(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Params.bad("the query string is not valid URL encoding");
        }
    }

    private static JsonNode describedApi() {
        try (InputStream in = RequestParameters.class.getResourceAsStream(OpenApiDoc.RESOURCE)) {
            if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One method and path template of the API description with its parameter names by place. */
    record Operation(String method, Pattern template, Set<String> path, Set<String> query) {
        boolean matches(String method, String path, String uri) {
            if (!this.method.equals(method)) return false;
            return template.matcher(path).matches() || template.matcher(uri).matches();
        }

        /** The path parameters as the address gives them (a request header of the same name is not one). */
        Map<String, String> pathValues(String path, String uri) {
            Matcher m = template.matcher(path);
            if (!m.matches()) m = template.matcher(uri);
            if (!m.matches()) return Map.of();
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : this.path) out.put(name, decode(m.group(name)));
            return out;
        }

        static List<Operation> all(JsonNode api) {
            List<Operation> out = new ArrayList<>();
            api.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
                Set<String> path = new LinkedHashSet<>();
                Set<String> query = new TreeSet<>();
                m.getValue().path("parameters").forEach(param -> {
                    String in = param.path("in").asText();
                    if (in.equals("path")) path.add(param.get("name").asText());
                    if (in.equals("query")) query.add(param.get("name").asText());
                });
                out.add(new Operation(m.getKey(), templatePattern(p.getKey()), path, query));
            }));
            return out;
        }

        /** "/api/documents/{id}/pages/{page}.png" → a pattern that also matches when the prefix is absent. */
        private static Pattern templatePattern(String template) {
            StringBuilder re = new StringBuilder("(?:.*?)");
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf('{', i);
                if (open < 0) { re.append(Pattern.quote(template.substring(i))); break; }
                String name = template.substring(open + 1, template.indexOf('}', open));
                re.append(Pattern.quote(template.substring(i, open))).append("(?<").append(name).append(">[^/]+)");
                i = template.indexOf('}', open) + 1;
            }
            return Pattern.compile(re.append("/?").toString());
        }
    }
}

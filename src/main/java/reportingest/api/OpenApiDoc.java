package reportingest.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reportingest.store.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the hand-written description in resources (a test keeps it and api.yaml in
 * step), with {@code servers} saying the address this service really listens on.
 */
public final class OpenApiDoc {
    public static final String RESOURCE = "/openapi.json";
    private final byte[] document;

    public OpenApiDoc(String host, int port) {
        try (InputStream in = OpenApiDoc.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
            ObjectNode api = (ObjectNode) Json.MAPPER.readTree(in);
            ArrayNode servers = api.putArray("servers");
            servers.addObject().put("url", "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
            document = Json.MAPPER.writeValueAsBytes(api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiResponse describe() {
        return new ApiResponse(200, document, ApiResponse.JSON);
    }
}

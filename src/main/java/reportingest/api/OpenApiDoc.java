package reportingest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.json}: the hand-written description in resources (a test keeps it and api.yaml in step). */
public final class OpenApiDoc {
    public static final String RESOURCE = "/openapi.json";
    private final byte[] document;

    public OpenApiDoc() {
        try (InputStream in = OpenApiDoc.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiResponse describe() {
        return new ApiResponse(200, document, ApiResponse.JSON);
    }
}

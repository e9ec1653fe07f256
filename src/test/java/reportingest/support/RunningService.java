package reportingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.harness.LocalPostgres;
import reportingest.store.Json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The real service (Camel, H2 file or PostgreSQL, folders, HTTP) in this JVM, on a temporary home and a free port. */
public final class RunningService implements AutoCloseable {
    /** The write endpoints' bearer token in tests. */
    public static final String TOKEN = "test-token";
    private final IngestService service;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final Path home;

    private RunningService(IngestService service, int port, Path home) {
        this.service = service;
        this.port = port;
        this.home = home;
    }

    public static RunningService start(Path home) throws Exception {
        return start(home, Map.of());
    }

    /** @param extra settings on top of the test ones */
    public static RunningService start(Path home, Map<String, String> extra) throws Exception {
        int port = freePort();
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "ingest.home", home.toString(),
                "ingest.port", Integer.toString(port),
                // short enough for tests, long enough that the slow-copy test still means something
                "ingest.read-lock.min-age-ms", "1000",
                "ingest.read-lock.check-interval-ms", "500",
                "ingest.poll-delay-ms", "200",
                "ingest.api.token", TOKEN));
        settings.putAll(storeSettings());
        settings.putAll(extra);
        return new RunningService(IngestService.start(IngestConfig.withOverrides(settings)), port, home);
    }

    /**
     * The store the suite runs on: embedded H2 (the default), or with -Dingest.test.store=postgresql a new database
     * on a PostgreSQL server started for this JVM (bin/test runs the store, API and route tests that way too).
     */
    public static Map<String, String> storeSettings() throws IOException {
        String store = System.getProperty("ingest.test.store", "h2");
        if (store.equals("h2")) return Map.of();
        if (!store.equals("postgresql")) throw new IllegalArgumentException("ingest.test.store: h2 or postgresql, not " + store);
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalPostgres.binaries().isPresent(),
                "PostgreSQL is not installed here (bin/setup installs Debian's postgresql)");
        LocalPostgres pg = LocalPostgres.shared();
        return Map.of("ingest.jdbc.url", pg.newDatabase(), "ingest.jdbc.user", LocalPostgres.USER,
                "ingest.jdbc.password", LocalPostgres.PASSWORD);
    }

    /** Whether the suite runs on embedded H2, whose database file lies in the service's home. */
    public static boolean storeIsH2() {
        return System.getProperty("ingest.test.store", "h2").equals("h2");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public Path inbox() { return home.resolve("inbox"); }
    public Path archive() { return home.resolve("archive"); }
    public Path failed() { return home.resolve("failed"); }
    public Path home() { return home; }
    public int port() { return port; }

    /** Copies a file into the inbox under the given name, written elsewhere first and moved in whole. */
    public Path drop(Path source, String name) throws IOException {
        Path tmp = home.resolve(".staging-" + System.nanoTime());
        Files.copy(source, tmp);
        return Files.move(tmp, inbox().resolve(name));
    }

    public Path drop(byte[] content, String name) throws IOException {
        Path tmp = home.resolve(".staging-" + System.nanoTime());
        Files.write(tmp, content);
        return Files.move(tmp, inbox().resolve(name));
    }

    /** Waits until the file has left the inbox and lies in the given folder. */
    public Path awaitIn(Path folder, String name) {
        Path target = folder.resolve(name);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(target) && !Files.exists(inbox().resolve(name)));
        return target;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = getRaw(path);
        return Json.MAPPER.readTree(r.body());
    }

    public HttpResponse<String> getRaw(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST with a JSON body; {@code token} null sends no Authorization header. */
    public HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public reportingest.store.Database database() { return service.database(); }

    /** Every document the API lists, following the cursor. */
    public java.util.List<JsonNode> allDocuments() throws IOException, InterruptedException {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = get("/api/documents?limit=3" + (after.isEmpty() ? "" : "&after=" + after));
            page.get("items").forEach(out::add);
            if (page.get("next").isNull()) return out;
            after = page.get("next").asText();
        }
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}

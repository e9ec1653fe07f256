package reportingest.support;

import com.sun.net.httpserver.HttpServer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bait for XML external entities (XXE), and the two ways of seeing it taken:
 * <ul>
 *   <li>a canary file in a temporary folder holding a unique token, named by a {@code SYSTEM "file:…"}
 *   entity; every read of it in this JVM is recorded by Java Flight Recorder ({@code jdk.FileRead}, no
 *   threshold), so a parser that opens and reads it is seen even if the token never reaches an output;</li>
 *   <li>a loopback HTTP trap named by a general entity, an external parameter entity and an external DTD;
 *   every request to it is counted (it answers the entity with a second token).</li>
 * </ul>
 * Inputs put {@link #doctype(String)} before their root element and {@link #references()} inside it.
 * {@link #tokens()} are what must never appear in an output; {@link #canaryReads()} and
 * {@link #requests()} must stay empty. {@code XxeCanaryTest} shows that a parser which resolves entities
 * is caught by all three.
 */
public final class XxeCanary implements AutoCloseable {
    private final Path canary;
    private final String token = "CANARY-" + UUID.randomUUID();
    private final String httpToken = "HTTP-CANARY-" + UUID.randomUUID();
    private final HttpServer trap;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Recording recording = new Recording();
    private final Path recordingFile;
    private List<String> reads;

    private XxeCanary(Path dir) throws IOException {
        canary = Files.writeString(Files.createDirectories(dir).resolve("canary-secret.txt"), token + "\n");
        recordingFile = dir.resolve("file-reads.jfr");
        trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        trap.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = exchange.getRequestURI().getPath().endsWith(".dtd")
                    ? new byte[0] : httpToken.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        trap.start();
        recording.enable("jdk.FileRead").withThreshold(Duration.ZERO).withoutStackTrace();
        recording.start();
    }

    /** Plants the canary in {@code dir} (a test's temporary folder) and starts watching. */
    public static XxeCanary plant(Path dir) throws IOException {
        return new XxeCanary(dir);
    }

    public Path file() { return canary; }

    /** {@code file:///…/canary-secret.txt} */
    public String fileUri() { return canary.toUri().toString(); }

    public String httpUri(String path) {
        return "http://127.0.0.1:" + trap.getAddress().getPort() + "/" + path;
    }

    /**
     * A DOCTYPE that declares {@code &file;} (the canary), {@code &net;} (the trap) and pulls an external
     * parameter entity and an external DTD subset from the trap.
     */
    public String doctype(String root) {
        return "<!DOCTYPE " + root + " SYSTEM \"" + httpUri("external-subset.dtd") + "\" [\n"
                + "  <!ENTITY file SYSTEM \"" + fileUri() + "\">\n"
                + "  <!ENTITY net SYSTEM \"" + httpUri("entity") + "\">\n"
                + "  <!ENTITY % remote SYSTEM \"" + httpUri("parameter-entity.dtd") + "\">\n"
                + "  %remote;\n"
                + "]>\n";
    }

    /** The entity references to place in element content. */
    public String references() {
        return "&file;&net;";
    }

    /** The canary file's token and the trap's: neither may reach stored text, metadata, error files or logs. */
    public List<String> tokens() {
        return List.of(token, httpToken);
    }

    /** Requests the trap received (paths). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Paths of the reads of the canary file recorded so far (stops the recording on first call). */
    public List<String> canaryReads() throws IOException {
        if (reads == null) {
            recording.stop();
            recording.dump(recordingFile);
            String wanted = canary.toString();
            reads = RecordingFile.readAllEvents(recordingFile).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.FileRead"))
                    .map(XxeCanary::path)
                    .filter(p -> p != null && (p.equals(wanted) || p.endsWith(canary.getFileName().toString())))
                    .toList();
        }
        return reads;
    }

    private static String path(RecordedEvent e) {
        return e.hasField("path") ? e.getString("path") : null;
    }

    @Override
    public void close() {
        trap.stop(0);
        recording.close();
    }
}

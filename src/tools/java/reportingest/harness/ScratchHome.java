package reportingest.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A throw-away service home for tools that feed files to the real service (bin/eval, bin/bench):
 * a temporary folder, a free port and the intake settings. The same settings serve an in-process
 * service and one started as its own process.
 */
public record ScratchHome(Path home, int port, Intake intake) {

    /**
     * FAST: read locks short enough that a file dropped in whole is taken at once (tests, bin/eval:
     * inputs are moved in whole, so there is no slow writer to wait for). DEFAULTS: the intake of
     * application.properties, as a user's service waits (bin/bench: its times must be a user's).
     */
    public enum Intake { FAST, DEFAULTS }

    /** A home with FAST intake. */
    public static ScratchHome create(String prefix) throws IOException {
        return create(prefix, Intake.FAST);
    }

    public static ScratchHome create(String prefix, Intake intake) throws IOException {
        return new ScratchHome(Files.createTempDirectory(prefix), freePort(), intake);
    }

    /** The settings a service on this home runs with (on top of application.properties). */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ingest.home", home.toString());
        s.put("ingest.port", Integer.toString(port));
        if (intake == Intake.FAST) {
            s.put("ingest.read-lock.min-age-ms", "100");
            s.put("ingest.read-lock.check-interval-ms", "100");
            s.put("ingest.poll-delay-ms", "100");
        }
        return s;
    }

    public Path inbox() { return home.resolve("inbox"); }

    /** A file copied next to the inbox, ready to be moved in; {@code sha256} is the key the service records it under. */
    public record Staged(Path path, String name, String sha256) {}

    /**
     * Copies a file into the inbox the way a careful user does: written next to it first, then moved
     * in, so the service never sees it half-written. Returns the content's SHA-256.
     */
    public String drop(Path file, String name) throws IOException {
        Staged s = stage(file, name);
        moveIn(s);
        return s.sha256();
    }

    /** The first half of {@link #drop}: for timing from the moment a file appears in the inbox. */
    public Staged stage(Path file, String name) throws IOException {
        Path staged = home.resolve(".staging-" + name);
        Files.copy(file, staged);
        return new Staged(staged, name, sha256(staged));
    }

    public void moveIn(Staged staged) throws IOException {
        Files.createDirectories(inbox());
        Files.move(staged.path(), inbox().resolve(staged.name()));
    }

    /** The content hash the service registers documents by. */
    public static String sha256(Path file) throws IOException {
        return reportingest.route.Intake.sha256(file);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

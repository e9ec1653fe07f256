package reportingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.harness.ScratchHome;
import reportingest.store.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service as its own process, started the way {@code bin/run} starts it (same main class, no heap
 * options), so its memory can be read from /proc without the bench's own heap in the figure.
 * Watched from outside through the HTTP API only.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final ScratchHome home;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceProcess(Process process, ScratchHome home) {
        this.process = process;
        this.home = home;
    }

    static ServiceProcess start(ScratchHome home, Map<String, String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(runOptions());
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path")));
        home.settings().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        extra.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("reportingest.IngestService");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectErrorStream(true).redirectOutput(home.home().resolve("service.log").toFile());
        ServiceProcess s = new ServiceProcess(pb.start(), home);
        s.awaitHealthy(Duration.ofMinutes(2));
        return s;
    }

    long pid() { return process.pid(); }

    /** The JVM options bin/run gives the service: bin/jvm-options, then $JAVA_OPTS. */
    static List<String> runOptions() throws IOException {
        List<String> out = new ArrayList<>();
        Path file = Path.of("bin", "jvm-options");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("#") && !line.isBlank()) out.addAll(List.of(line.trim().split("\\s+")));
            }
        }
        String env = System.getenv("JAVA_OPTS");
        if (env != null && !env.isBlank()) out.addAll(List.of(env.trim().split("\\s+")));
        return out;
    }

    /** Peak resident memory of the process so far (VmHWM), in MiB. */
    long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /** Waits until the document with this content is finished and returns its API item. */
    JsonNode awaitFinished(String sha, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the service process died; see " + home.home().resolve("service.log"));
            Optional<JsonNode> doc = find(sha);
            if (doc.isPresent() && !doc.get().get("finishedAt").isNull()) return doc.get();
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service process did not finish within " + timeout);
    }

    private Optional<JsonNode> find(String sha) throws IOException, InterruptedException {
        String after = "";
        while (true) {
            JsonNode page = get("/api/documents?limit=100" + (after.isEmpty() ? "" : "&after=" + after));
            for (JsonNode item : page.get("items")) if (sha.equals(item.get("sha256").asText())) return Optional.of(item);
            if (page.get("next").isNull()) return Optional.empty();
            after = page.get("next").asText();
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the service process exited; see " + home.home().resolve("service.log"));
            try {
                get("/api/health");
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the service process did not start within " + timeout);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + home.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(path + ": HTTP " + r.statusCode());
        return Json.MAPPER.readTree(r.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the service's shutdown hook releases its engines
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}

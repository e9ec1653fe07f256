package reportingest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.store.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The real service as its own JVM (this JVM's class path) on a home and port: what a kill -9 can stop, whose
 * memory can be read from /proc, and whose log is kept for the report. Loopback only.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service and waits (at most a minute) until it says it started.
     *
     * @param settings system properties on top of application.properties (ingest.home, ingest.port, …)
     */
    public static ServiceProcess start(Map<String, String> settings, String maxHeap) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path")));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("reportingest.IngestService");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        ServiceProcess s = new ServiceProcess(pb.start(), Integer.parseInt(settings.get("ingest.port")));
        Thread reader = new Thread(s::readOutput, "service-output-" + s.process.pid());
        reader.setDaemon(true);
        reader.start();
        if (!s.awaitCondition(() -> s.saw("report-ingest started") || !s.process.isAlive(), Duration.ofMinutes(1))
                || !s.process.isAlive()) {
            s.close();
            throw new IOException("the service did not start; its last lines:\n" + s.tail(30));
        }
        return s;
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public boolean saw(String text) {
        for (String l : lines) if (l.contains(text)) return true;
        return false;
    }

    public String tail(int n) {
        List<String> copy = new ArrayList<>(lines);
        return String.join("\n", copy.subList(Math.max(0, copy.size() - n), copy.size()));
    }

    public List<String> lines() { return lines; }

    /** The service's threads as jcmd prints them: what it was doing when a wait ran out. */
    public String threadDump() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    public long pid() { return process.pid(); }

    public boolean alive() { return process.isAlive(); }

    /** SIGKILL, and wait for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Peak resident memory so far (VmHWM), in MiB; -1 where /proc cannot say. */
    public long peakRssMiB() {
        return procStatus("VmHWM:");
    }

    public long rssMiB() {
        return procStatus("VmRSS:");
    }

    private long procStatus(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith(key)) return Long.parseLong(l.replaceAll("\\D+", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public HttpResponse<String> getRaw(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(getRaw(path).body());
    }

    /** Whether the service answers /api/health with 200 now. */
    public boolean answers() {
        try {
            return alive() && getRaw("/api/health").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every document the API lists, following its cursor. */
    public List<JsonNode> documents() throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 10_000; guard++) {
            JsonNode page = get("/api/documents?limit=500" + (after == null ? "" : "&after=" + after));
            page.get("items").forEach(out::add);
            if (page.get("next").isNull()) break;
            after = page.get("next").asText();
        }
        return out;
    }

    /** Polls every 100 ms until the condition holds or the time is up; says which. */
    public boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** SIGTERM; waits up to two minutes for the process to end and returns its exit status (-1: it did not end). */
    public int terminate() throws InterruptedException {
        // the handle's destroy only signals; Process.destroy would also close the pipe and lose the last log lines
        process.toHandle().destroy();
        return process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) ? process.exitValue() : -1;
    }

    /** Asks the service to stop (SIGTERM) and waits up to a minute; then kills it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

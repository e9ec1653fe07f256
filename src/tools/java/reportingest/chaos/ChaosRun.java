package reportingest.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.h2.tools.Server;
import reportingest.harness.ServiceProcess;
import reportingest.route.Intake;
import reportingest.store.Json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the service (its own JVM, loopback, a scratch home) through what goes wrong in an archive: every kind
 * of bad input, kill -9 at random points, a disk that fills up, a database that goes away, and a thousand
 * files at once. Every wait is bounded. Each trial gives a {@link Row}: where the file went, with which code,
 * whether the service still answered and processed a good file after it, and whether anything was lost.
 */
public final class ChaosRun {
    /** Java class names or Camel's exchange text: never for a clerk's eyes. */
    static final Pattern TECHNICAL = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|\\b\\w*(Exception|Error|Failure)\\b|Exchange\\[");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /**
     * @param ledger "ok", "NOT RECONCILED", or "n/a" when the service has no ledger endpoint
     * @param problem null when the trial held; else what did not
     */
    public record Row(String scenario, String subject, String folder, String code, boolean alive, boolean nothingLost,
                      String ledger, String problem, boolean skipped) {
        public boolean ok() { return skipped || problem == null; }
    }

    public record Options(Path work, boolean badInputs, int kills, int load, long hugeTextBytes, boolean diskFull,
                          boolean databaseDown, long seed) {}

    private final Options options;
    private final Path seeds;
    private final Path goodPdf;
    private final Consumer<String> progress;
    private final List<Row> rows = new ArrayList<>();

    public ChaosRun(Options options, Path repository, Consumer<String> progress) {
        this.options = options;
        this.seeds = repository.resolve("fixtures/seeds");
        this.goodPdf = repository.resolve("fixtures/pdf/gen03_e94b0d1a6c8f2357.unruled.pdf");
        this.progress = progress;
    }

    public List<Row> run() throws Exception {
        if (options.badInputs()) badInputs();
        if (options.kills() > 0) kills(options.kills());
        if (options.diskFull()) diskFull();
        if (options.databaseDown()) databaseDown();
        if (options.load() > 0) load(options.load());
        return rows;
    }

    // ---- bad inputs

    private void badInputs() throws Exception {
        Path home = home("bad-inputs");
        Path scratch = Files.createDirectories(home.resolveSibling(home.getFileName() + "-scratch"));
        HostileCases cases = new HostileCases(seed("003"), goodPdf, options.hugeTextBytes());
        try (ServiceProcess service = ServiceProcess.start(settings(home, Map.of()), "512m")) {
            int n = 0;
            for (HostileCases.Case c : cases.all()) {
                progress.accept("bad input: " + c.label());
                try {
                    c.plant().plant(home.resolve("inbox"), scratch);
                } catch (HostileCases.Skipped e) {
                    rows.add(new Row("bad input", c.label(), "-", "-", true, true, "-", e.getMessage(), true));
                    continue;
                }
                rows.add(judge(service, home, scratch, c, ++n, cases));
            }
        }
    }

    private Row judge(ServiceProcess service, Path home, Path scratch, HostileCases.Case c, int n, HostileCases cases) throws Exception {
        Path inInbox = home.resolve("inbox").resolve(c.name());
        if (c.folder() == HostileCases.Folder.STAYS) {
            Thread.sleep(3000);
        } else if (!service.awaitCondition(() -> !Files.exists(inInbox, LinkOption.NOFOLLOW_LINKS), Duration.ofMinutes(3))) {
            return new Row("bad input", c.label(), "inbox", "-", service.answers(), true, ledger(service),
                    "still in the inbox after 3 minutes", false);
        }
        List<String> problems = new ArrayList<>();
        String folder = "inbox";
        String code = "-";
        String exportJson = "";
        // the file is moved first and its row then says where: give the row the moment it takes
        if (c.folder() != HostileCases.Folder.STAYS) {
            service.awaitCondition(() -> {
                try {
                    JsonNode d = latestNamed(service, c.name());
                    return d != null && !d.path("storedAs").asText("").isEmpty();
                } catch (Exception e) {
                    return false;
                }
            }, Duration.ofSeconds(30));
        }
        JsonNode doc = latestNamed(service, c.name());
        if (c.folder() == HostileCases.Folder.STAYS) {
            if (doc != null) problems.add("a row was made for it");
        } else if (doc == null) {
            problems.add("no document row");
        } else {
            String storedAs = doc.path("storedAs").asText("");
            Path stored = storedAs.isEmpty() ? null : Path.of(storedAs);
            folder = stored == null ? "?" : stored.getParent().getFileName().toString();
            if (stored == null || !Files.exists(stored, LinkOption.NOFOLLOW_LINKS)) problems.add("not where its row says");
            if ("failed".equals(folder)) {
                Path errorFile = stored.resolveSibling(stored.getFileName() + ".error.json");
                if (!Files.exists(errorFile)) {
                    problems.add("no error file");
                } else {
                    String text = Files.readString(errorFile);
                    JsonNode error = Json.MAPPER.readTree(text);
                    code = error.path("code").asText();
                    if (TECHNICAL.matcher(text).find()) problems.add("technical words in the error file");
                    if (!HAN.matcher(error.path("reasonZh").asText()).find()) problems.add("no Chinese reason");
                    if (error.path("reason").asText().isBlank() || error.path("action").asText().isBlank()) problems.add("no reason or action");
                }
            } else if ("archive".equals(folder)) {
                code = doc.path("status").asText();
                exportJson = service.getRaw("/api/documents/" + doc.get("id").asText() + "/export").body();
            }
            String want = c.folder() == HostileCases.Folder.EITHER ? null : c.folder().name().toLowerCase();
            if (want != null && !want.equals(folder)) problems.add("expected in " + want);
            if ("failed".equals(folder) && !c.codes().isEmpty() && !c.codes().contains(code)) problems.add("code " + code + " not in " + c.codes());
            if ("failed".equals(folder) && c.codes().isEmpty()) problems.add("should not fail");
        }
        if (c.check() != null) {
            String p = c.check().problem(new HostileCases.Seen(home, scratch, exportJson, String.join("\n", service.lines())));
            if (p != null) problems.add(p);
        }
        boolean alive = aliveAndTakingFiles(service, home, cases, n);
        if (!alive) problems.add("the service stopped taking files");
        boolean lost = problems.contains("not where its row says") || problems.contains("no document row");
        return new Row("bad input", c.label(), folder, code, alive, !lost, ledger(service),
                problems.isEmpty() ? null : String.join("; ", problems), false);
    }

    /** A good file dropped after the bad one is processed: the service is not only up but working. */
    private boolean aliveAndTakingFiles(ServiceProcess service, Path home, HostileCases cases, int n) throws IOException {
        String name = "alive-after-" + n + ".txt";
        HostileCases.writeAtomically(home.resolve("inbox"), name, cases.text("alive " + n).getBytes(StandardCharsets.UTF_8), null);
        return service.awaitCondition(() -> Files.exists(home.resolve("archive").resolve(name)), Duration.ofSeconds(90))
                && service.answers();
    }

    // ---- kills

    private void kills(int trials) throws Exception {
        Path home = home("kills");
        Random random = new Random(options.seed());
        String base = Files.readString(seed("004")).repeat(3);
        Map<String, String> settings = settings(home, Map.of());
        long takenMs;
        long referenceMs;
        int referenceCells;
        try (ServiceProcess service = ServiceProcess.start(settings, "512m")) {
            long t0 = System.nanoTime();
            HostileCases.writeAtomically(home.resolve("inbox"), "reference.txt", (base + "\n附：对照\n").getBytes(StandardCharsets.UTF_8), null);
            service.awaitCondition(() -> service.saw("Took 'reference.txt'"), Duration.ofMinutes(1));
            takenMs = (System.nanoTime() - t0) / 1_000_000;
            if (!service.awaitCondition(() -> Files.exists(home.resolve("archive/reference.txt")), Duration.ofMinutes(3))) {
                throw new IllegalStateException("the uninterrupted run did not finish:\n" + service.tail(30));
            }
            referenceMs = (System.nanoTime() - t0) / 1_000_000;
            referenceCells = cells(service, latestNamed(service, "reference.txt"));
        }
        progress.accept("kill trials: an uninterrupted run is taken after " + takenMs + " ms and placed after " + referenceMs
                + " ms, " + referenceCells + " cells");
        for (int i = 1; i <= trials; i++) {
            String name = "kill-" + i + ".txt";
            byte[] content = (base + "\n附：对照\n" + "第" + i + "次\n").getBytes(StandardCharsets.UTF_8);
            // anywhere from just before the file is taken to just after it is placed
            long delay = Math.max(0, takenMs - 200) + (long) (random.nextDouble() * (referenceMs - takenMs + 400));
            progress.accept("kill trial " + i + "/" + trials + ": kill -9 " + delay + " ms after the drop");
            List<String> problems = new ArrayList<>();
            ServiceProcess first = ServiceProcess.start(settings, "512m");
            HostileCases.writeAtomically(home.resolve("inbox"), name, content, null);
            Thread.sleep(delay);
            first.kill();
            String stage = lastStage(first.lines(), name);
            try (ServiceProcess second = ServiceProcess.start(settings, "512m")) {
                if (!second.awaitCondition(() -> Files.exists(home.resolve("archive").resolve(name)), Duration.ofMinutes(3))) {
                    problems.add("not in archive/ 3 minutes after the restart");
                }
                String sha = sha256(content);
                List<JsonNode> rowsOfIt = second.documents().stream().filter(d -> sha.equals(d.path("sha256").asText())).toList();
                if (rowsOfIt.size() != 1) problems.add(rowsOfIt.size() + " document rows");
                long archived;
                try (Stream<Path> s = Files.list(home.resolve("archive"))) {
                    String stem = "kill-" + i;
                    archived = s.map(p -> p.getFileName().toString())
                            .filter(f -> !f.endsWith(".review.json"))
                            .filter(f -> f.startsWith(stem + ".") || f.startsWith(stem + "~")).count();
                }
                if (archived != 1) problems.add(archived + " archived copies");
                if (rowsOfIt.size() == 1) {
                    int cells = cells(second, rowsOfIt.get(0));
                    if (cells != referenceCells) problems.add(cells + " cells, uninterrupted " + referenceCells);
                }
                rows.add(new Row("kill -9", "trial " + i + " at " + delay + " ms (" + stage + ")", archived == 1 ? "archive" : "?",
                        rowsOfIt.isEmpty() ? "-" : rowsOfIt.get(0).path("status").asText(), second.answers(),
                        rowsOfIt.size() == 1 && archived == 1, ledger(second),
                        problems.isEmpty() ? null : String.join("; ", problems), false));
            }
        }
    }

    /** The last thing the killed service said of the file: where the kill landed. */
    private static String lastStage(List<String> lines, String name) {
        String stage = "before intake";
        for (String l : lines) {
            if (!l.contains("'" + name + "'")) continue;
            if (l.contains("Took")) stage = "after intake";
            else if (l.contains("is text") || l.contains("is a")) stage = "after detect";
            else if (l.contains("table(s) found")) stage = "after tables";
            else if (l.contains("reconciled")) stage = "after reconcile";
            else if (l.contains("validation done")) stage = "during store";
            else if (l.contains("Done")) stage = "between commit and move";
            else if (l.contains("Moved")) stage = "after the move";
        }
        return stage;
    }

    // ---- disk full

    private void diskFull() throws Exception {
        Path mount = Files.createDirectories(options.work().resolve("small-disk"));
        if (HostileCases.run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()) != 0) {
            rows.add(new Row("disk full", "home on a 24 MB tmpfs", "-", "-", true, true, "-",
                    "mounting a tmpfs is not permitted here (needs root)", true));
            return;
        }
        try {
            Path home = Files.createDirectory(mount.resolve("home"));
            byte[] content = Files.readAllBytes(seed("004"));
            try (ServiceProcess service = ServiceProcess.start(settings(home, Map.of("ingest.min-free-disk-mb", "0")), "512m")) {
                Path filler = mount.resolve("filler");
                fill(filler, Files.getFileStore(mount).getUsableSpace() - content.length - 16 * 1024);
                progress.accept("disk full: a file dropped with 16 KB to spare");
                HostileCases.writeAtomically(home.resolve("inbox"), "on-a-full-disk.txt", content, null);
                List<String> problems = new ArrayList<>();
                boolean deferred = service.awaitCondition(() -> service.saw("Could not finish 'on-a-full-disk.txt'"), Duration.ofMinutes(2));
                if (!deferred) problems.add("no deferral said");
                boolean paused = "PAUSED".equals(service.get("/api/health").path("intake").asText());
                if (!paused) problems.add("intake not paused");
                if (!Files.exists(home.resolve("inbox/on-a-full-disk.txt"))) problems.add("left the inbox while the disk was full");
                Files.delete(filler);
                progress.accept("disk full: room again");
                if (!service.awaitCondition(() -> Files.exists(home.resolve("archive/on-a-full-disk.txt")), Duration.ofMinutes(2))) {
                    problems.add("not processed once there was room");
                }
                long failedEntries;
                try (Stream<Path> s = Files.list(home.resolve("failed"))) {
                    failedEntries = s.count();
                }
                if (failedEntries != 0) problems.add(failedEntries + " entries in failed/");
                List<JsonNode> docs = service.documents();
                if (docs.size() != 1) problems.add(docs.size() + " document rows");
                rows.add(new Row("disk full", "fills during a run, then room again", "archive",
                        docs.isEmpty() ? "-" : docs.get(0).path("status").asText(), service.answers(), docs.size() == 1,
                        ledger(service), problems.isEmpty() ? null : String.join("; ", problems), false));
            }
        } finally {
            HostileCases.run("umount", mount.toString());
        }
    }

    private static void fill(Path filler, long bytes) throws IOException {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            for (long n = 0; n + block.length <= bytes; n += block.length) out.write(block);
        }
    }

    // ---- database down

    private void databaseDown() throws Exception {
        Path home = home("database-down");
        Path dbDir = Files.createDirectories(home.resolveSibling(home.getFileName() + "-db"));
        int port = freePort();
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dbDir.toString(), "-ifNotExists").start();
        try (ServiceProcess service = ServiceProcess.start(settings(home,
                Map.of("ingest.jdbc.url", "jdbc:h2:tcp://127.0.0.1:" + port + "/ingest")), "512m")) {
            HostileCases cases = new HostileCases(seed("003"), goodPdf, 0);
            server.stop();
            progress.accept("database down: server stopped, a file dropped");
            HostileCases.writeAtomically(home.resolve("inbox"), "while-down.txt", cases.text("数据库停止").getBytes(StandardCharsets.UTF_8), null);
            List<String> problems = new ArrayList<>();
            if (!service.awaitCondition(() -> service.saw("Could not finish 'while-down.txt'"), Duration.ofMinutes(2))) {
                problems.add("no deferral said");
            }
            if (!Files.exists(home.resolve("inbox/while-down.txt"))) problems.add("left the inbox while the database was down");
            Thread.sleep(5000);
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dbDir.toString(), "-ifNotExists").start();
            progress.accept("database down: server started again");
            if (!service.awaitCondition(() -> Files.exists(home.resolve("archive/while-down.txt")), Duration.ofMinutes(3))) {
                problems.add("not processed once the database answered");
            }
            List<JsonNode> docs = service.documents();
            if (docs.size() != 1) problems.add(docs.size() + " document rows");
            rows.add(new Row("database down", "server stopped 5 s+, then started", docs.isEmpty() ? "inbox" : "archive",
                    docs.isEmpty() ? "-" : docs.get(0).path("status").asText(), service.answers(), docs.size() == 1,
                    ledger(service), problems.isEmpty() ? null : String.join("; ", problems), false));
        } finally {
            server.stop();
        }
    }

    // ---- load

    private void load(int files) throws Exception {
        Path home = home("load");
        List<Path> seedFiles;
        try (Stream<Path> s = Files.list(seeds)) {
            seedFiles = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Path staging = Files.createDirectories(home.resolve("staging"));
        for (int i = 0; i < files; i++) {
            Path seed = seedFiles.get(i % seedFiles.size());
            Files.writeString(staging.resolve(String.format("load-%04d.txt", i)), Files.readString(seed) + "\n附：负载 " + i + "\n");
        }
        try (ServiceProcess service = ServiceProcess.start(settings(home, Map.of()), "512m")) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean done = new AtomicBoolean();
            Thread prober = new Thread(() -> {
                while (!done.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = service.getRaw("/api/documents?limit=50");
                        if (r.statusCode() == 200) latencies.add((System.nanoTime() - t0) / 1_000_000);
                        Thread.sleep(100);
                    } catch (IOException ignored) {
                        // counted as missing, not as fast
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "api-prober");
            long t0 = System.nanoTime();
            progress.accept("load: " + files + " files dropped at once");
            try (Stream<Path> s = Files.list(staging)) {
                for (Path p : s.toList()) Files.move(p, home.resolve("inbox").resolve(p.getFileName()));
            }
            prober.start();
            boolean finished = service.awaitCondition(() -> placed(home) >= files, Duration.ofSeconds(120 + 3L * files));
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            done.set(true);
            prober.join(5000);
            List<String> problems = new ArrayList<>();
            if (!finished) problems.add("only " + placed(home) + " placed in time");
            List<JsonNode> docs = service.documents();
            if (docs.size() != files) problems.add(docs.size() + " document rows");
            long failed = docs.stream().filter(d -> "FAILED".equals(d.path("status").asText())).count();
            if (failed > 0) problems.add(failed + " failed");
            long rss = service.peakRssMiB();
            if (rss > 1536) problems.add("peak RSS " + rss + " MiB above 1.5 GiB");
            long p99 = percentile(latencies, 0.99);
            if (p99 > 200) problems.add("API p99 " + p99 + " ms above 200 ms");
            rows.add(new Row("load", files + " files at once: " + seconds + " s, peak RSS " + rss + " MiB, API p50 "
                    + percentile(latencies, 0.5) + " / p99 " + p99 + " ms over " + latencies.size() + " calls (load average "
                    + loadAverage() + ")", "archive", docs.size() + " rows", service.answers(),
                    docs.size() == files && finished, ledger(service), problems.isEmpty() ? null : String.join("; ", problems), false));
        }
    }

    /** The machine's 1-minute load average: an API time means little on a machine busy with other work. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long placed(Path home) {
        try (Stream<Path> a = Files.list(home.resolve("archive")); Stream<Path> f = Files.list(home.resolve("failed"))) {
            return a.filter(p -> !p.toString().endsWith(".review.json")).count() + f.filter(p -> !p.toString().endsWith(".error.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long percentile(List<Long> values, double q) {
        if (values.isEmpty()) return -1;
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    // ---- shared

    /** "ok" when /api/ledger reconciles, "NOT RECONCILED" when it does not, "n/a" when the service has none. */
    private static String ledger(ServiceProcess service) {
        try {
            HttpResponse<String> r = service.getRaw("/api/ledger");
            if (r.statusCode() == 404) return "n/a";
            JsonNode l = Json.MAPPER.readTree(r.body());
            return l.path("reconciles").asBoolean(false) ? "ok" : "NOT RECONCILED";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unreachable";
        }
    }

    private static JsonNode latestNamed(ServiceProcess service, String name) throws IOException, InterruptedException {
        JsonNode found = null;
        for (JsonNode d : service.documents()) if (name.equals(d.path("fileName").asText())) found = d;
        return found;
    }

    private static int cells(ServiceProcess service, JsonNode doc) throws IOException, InterruptedException {
        if (doc == null) return -1;
        JsonNode export = service.get("/api/documents/" + doc.get("id").asText() + "/export");
        int n = 0;
        for (JsonNode t : export.path("tables")) for (JsonNode r : t.path("rows")) n += r.path("cells").size();
        return n;
    }

    private Path home(String name) throws IOException {
        Path home = options.work().resolve(name);
        for (String f : List.of("inbox", "archive", "failed")) Files.createDirectories(home.resolve(f));
        return home;
    }

    private Map<String, String> settings(Path home, Map<String, String> extra) throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ingest.home", home.toString());
        s.put("ingest.port", Integer.toString(freePort()));
        s.put("ingest.host", "127.0.0.1");
        s.put("ingest.read-lock.min-age-ms", "500");
        s.put("ingest.read-lock.check-interval-ms", "250");
        s.put("ingest.poll-delay-ms", "200");
        s.put("ingest.min-free-disk-mb", "0");
        s.putAll(extra);
        return s;
    }

    private Path seed(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(seeds)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst()
                    .orElseThrow(() -> new IOException("no seed " + prefix + " in " + seeds));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String sha256(byte[] content) throws IOException {
        Path tmp = Files.createTempFile("chaos-sha", ".bin");
        try {
            Files.write(tmp, content);
            return Intake.sha256(tmp);
        } finally {
            Files.delete(tmp);
        }
    }
}

package reportingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.harness.LocalPostgres;
import reportingest.harness.ScratchHome;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same set of scans through one node of one worker, then through two such nodes sharing one home and one
 * PostgreSQL database (issue #13), each node its own JVM as in production, on this one machine: the wall time
 * from the moment the files land in the inbox to the last one's records. Null where PostgreSQL is not installed.
 */
final class TwoNodesRun {
    record Result(Timing oneNode, Timing twoNodes) {
        double speedup() { return oneNode.seconds() / twoNodes.seconds(); }
    }

    private TwoNodesRun() {}

    /** @param extra service settings beside the nodes' own (the bench's --engines) */
    static Result run(List<Path> files, Map<String, String> extra) throws Exception {
        if (LocalPostgres.binaries().isEmpty()) return null;
        try (LocalPostgres pg = LocalPostgres.start()) {
            Timing one = timed(pg, files, 1, extra);
            Timing two = timed(pg, files, 2, extra);
            return new Result(one, two);
        }
    }

    private static Timing timed(LocalPostgres pg, List<Path> files, int nodes, Map<String, String> extra) throws Exception {
        ScratchHome first = ScratchHome.create("ingest-bench-nodes-", ScratchHome.Intake.DEFAULTS);
        Map<String, String> settings = new HashMap<>(extra);
        settings.putAll(Map.of(
                "ingest.jdbc.url", pg.newDatabase(), "ingest.jdbc.user", LocalPostgres.USER,
                "ingest.jdbc.password", LocalPostgres.PASSWORD, "ingest.workers", "1", "ingest.ocr.workers", "1"));
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                ScratchHome home = i == 0 ? first : new ScratchHome(first.home(), freePort(), first.intake());
                Map<String, String> own = new HashMap<>(settings);
                own.put("ingest.node", "bench-" + (i + 1));
                started.add(ServiceProcess.start(home, own));
            }
            List<ScratchHome.Staged> staged = new ArrayList<>();
            for (Path f : files) staged.add(first.stage(f, f.getFileName().toString()));
            Instant start = Instant.now();
            for (ScratchHome.Staged s : staged) first.moveIn(s);
            int pages = 0;
            Instant end = start;
            Instant firstTaken = null;
            for (ScratchHome.Staged s : staged) {
                JsonNode doc = started.get(0).awaitFinished(s.sha256(), Duration.ofMinutes(30));
                pages += doc.get("pages").asInt();
                Instant finished = OffsetDateTime.parse(doc.get("finishedAt").asText()).toInstant();
                Instant taken = OffsetDateTime.parse(doc.get("receivedAt").asText()).toInstant();
                if (finished.isAfter(end)) end = finished;
                if (firstTaken == null || taken.isBefore(firstTaken)) firstTaken = taken;
            }
            return new Timing(pages, Duration.between(start, end).toNanos() / 1e9, Double.NaN,
                    Duration.between(start, firstTaken).toNanos() / 1e9);
        } finally {
            for (ServiceProcess p : started) p.close();
            TempFiles.delete(first.home());
        }
    }

    /**
     * Copies of the files, each {@code copies} times with content of its own (a comment after a PDF's end, spare
     * bytes after an image), so that the nodes have as many documents to share as a busy inbox.
     */
    static List<Path> copies(List<Path> files, int copies, Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        Files.createDirectories(dir);
        for (int c = 1; c <= copies; c++) {
            for (Path f : files) {
                Path copy = dir.resolve("c" + c + "-" + f.getFileName());
                Files.copy(f, copy);
                Files.write(copy, ("\n%copy " + c + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
                out.add(copy);
            }
        }
        return out;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package reportingest.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.harness.LocalPostgres;
import reportingest.harness.ServiceProcess;
import reportingest.support.RunningService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two service JVMs on one home and one PostgreSQL database (issue #13): 60 files dropped at once, the node that is
 * OCR'ing a scan killed with SIGKILL mid-file, and then started again. Each file ends in archive/ once, as one
 * document with its records once; the killed node's file is taken over by the other after the lease; the restarted
 * node takes nothing up a second time.
 */
class TwoNodesShareOneInboxTest {
    private static final Path SEEDS = Path.of("fixtures/seeds");
    private static final Path PDFS = Path.of("fixtures/pdf");
    private static final Path SCANS = Path.of("fixtures/scans");
    private static final long LEASE_MS = 4000;

    @TempDir
    Path home;
    @TempDir
    Path staging;

    @Test
    void sixtyFilesAreEachProcessedOnceThoughOneNodeIsKilledMidFile() throws Exception {
        assumeTrue(LocalPostgres.binaries().isPresent(), "PostgreSQL is not installed here (bin/setup installs it)");
        try (LocalPostgres pg = LocalPostgres.start()) {
            String db = pg.newDatabase();
            List<Path> files = sixtyFiles();
            Set<String> scanNames = new java.util.HashSet<>();
            for (Path f : files) if (f.startsWith(staging.resolve("scans"))) scanNames.add(f.getFileName().toString());

            ServiceProcess a = node("node-a", db);
            ServiceProcess b = node("node-b", db);
            Map<String, ServiceProcess> nodes = new HashMap<>(Map.of("node-a", a, "node-b", b));
            try {
                for (Path f : files) Files.move(f, home.resolve("inbox").resolve(f.getFileName()));

                // the node that is OCR'ing a scan (seconds of work) is the one killed, so the kill lands mid-file
                String[] victim = new String[1];
                long[] inFlight = new long[1];
                assertThat(a.awaitCondition(() -> {
                    try (Connection c = connect(db); Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT id, node, file_name FROM document WHERE status = 'PROCESSING'")) {
                        while (rs.next()) {
                            if (scanNames.contains(rs.getString("file_name"))) {
                                inFlight[0] = rs.getLong("id");
                                victim[0] = rs.getString("node");
                                return true;
                            }
                        }
                        return false;
                    } catch (SQLException e) {
                        return false;
                    }
                }, Duration.ofMinutes(2))).as("a node starts on a scan").isTrue();
                nodes.get(victim[0]).kill();
                String survivorName = victim[0].equals("node-a") ? "node-b" : "node-a";
                ServiceProcess survivor = nodes.get(survivorName);

                assertThat(survivor.awaitCondition(() -> archived() == 60 && inboxEmpty(), Duration.ofMinutes(8)))
                        .as("all 60 files in archive/ (archive %d, inbox %s, failed %s); survivor's log:%n%s",
                                archived(), list(home.resolve("inbox")), list(home.resolve("failed")), survivor.tail(40))
                        .isTrue();
                assertThat(list(home.resolve("failed"))).isEmpty();

                Map<Long, Integer> attemptsBefore;
                try (Connection c = connect(db)) {
                    assertThat(longs(c, "SELECT COUNT(*) FROM document")).containsExactly(60L);
                    assertThat(longs(c, "SELECT COUNT(DISTINCT sha256) FROM document")).containsExactly(60L);
                    assertThat(longs(c, "SELECT COUNT(*) FROM document WHERE status NOT IN ('DONE', 'NEEDS_REVIEW') OR stored_as IS NULL"))
                            .containsExactly(0L);
                    // records once: no table, row or cell stored twice for a document
                    assertThat(longs(c, "SELECT COUNT(*) FROM (SELECT document_id, seq FROM extracted_table "
                            + "GROUP BY document_id, seq HAVING COUNT(*) > 1) t")).containsExactly(0L);
                    assertThat(longs(c, "SELECT COUNT(*) FROM (SELECT table_id, seq FROM table_row "
                            + "GROUP BY table_id, seq HAVING COUNT(*) > 1) t")).containsExactly(0L);
                    assertThat(longs(c, "SELECT COUNT(*) FROM (SELECT row_id, seq FROM cell "
                            + "GROUP BY row_id, seq HAVING COUNT(*) > 1) t")).containsExactly(0L);
                    assertThat(strings(c, "SELECT DISTINCT node FROM document ORDER BY node")).containsExactly("node-a", "node-b");
                    // the killed node's scan: taken over by the other node after the lease, on its second attempt
                    assertThat(strings(c, "SELECT node || ' ' || attempts FROM document WHERE id = " + inFlight[0]))
                            .containsExactly(survivorName + " 2");
                    attemptsBefore = attempts(c);
                }
                JsonNode item = survivor.get("/api/documents/" + inFlight[0]);
                assertThat(item.get("node").asText()).isEqualTo(survivorName);
                assertThat(item.get("attempts").asInt()).isEqualTo(2);

                // the killed node comes back: nothing is taken up again, no claim is left over
                ServiceProcess restarted = node(victim[0], db);
                nodes.put(victim[0], restarted);
                Thread.sleep(3 * LEASE_MS); // long enough for any stale claim to run out and be acted on (none must be)
                try (Connection c = connect(db)) {
                    assertThat(attempts(c)).isEqualTo(attemptsBefore);
                    assertThat(strings(c, "SELECT messageId || ' ' || createdAt FROM CAMEL_MESSAGEPROCESSED")).isEmpty();
                }
                assertThat(archived()).isEqualTo(60);
            } finally {
                for (ServiceProcess p : nodes.values()) p.close();
            }
        }
    }

    private ServiceProcess node(String name, String jdbcUrl) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ingest.home", home.toString());
        settings.put("ingest.port", Integer.toString(RunningService.freePort()));
        settings.put("ingest.node", name);
        settings.put("ingest.jdbc.url", jdbcUrl);
        settings.put("ingest.jdbc.user", LocalPostgres.USER);
        settings.put("ingest.jdbc.password", LocalPostgres.PASSWORD);
        settings.put("ingest.cluster.lease-ms", Long.toString(LEASE_MS));
        settings.put("ingest.read-lock.min-age-ms", "300");
        settings.put("ingest.read-lock.check-interval-ms", "200");
        settings.put("ingest.poll-delay-ms", "200");
        settings.put("ingest.ocr.workers", "1");
        settings.put("ingest.log-file", "false");
        settings.put("ingest.api.token", RunningService.TOKEN);
        return ServiceProcess.start(settings, "1g");
    }

    /**
     * 35 born-digital PDFs, 20 text reports (each seed as printed and with 1–3 blank lines more: other content) and
     * 5 scans, written to staging first so that each is moved into the inbox whole.
     */
    private List<Path> sixtyFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path pdf : sorted(PDFS, ".pdf")) out.add(Files.copy(pdf, staging.resolve(pdf.getFileName())));
        for (Path seed : sorted(SEEDS, ".txt")) {
            String text = Files.readString(seed);
            for (int k = 0; k < 4; k++) {
                String stem = seed.getFileName().toString().replace(".txt", "");
                out.add(Files.writeString(staging.resolve(stem + "-v" + k + ".txt"), text + "\n".repeat(k)));
            }
        }
        Files.createDirectories(staging.resolve("scans"));
        for (Path scan : sorted(SCANS, "").stream().limit(5).toList()) {
            out.add(Files.copy(scan, staging.resolve("scans").resolve(scan.getFileName())));
        }
        assertThat(out).hasSize(60);
        return out;
    }

    private static List<Path> sorted(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private long archived() {
        return list(home.resolve("archive")).stream().filter(n -> !n.endsWith(".review.json")).count();
    }

    private boolean inboxEmpty() {
        return list(home.resolve("inbox")).isEmpty();
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(cannot list " + dir + ": " + e.getMessage() + ")");
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static Map<Long, Integer> attempts(Connection c) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, attempts FROM document")) {
            while (rs.next()) out.put(rs.getLong(1), rs.getInt(2));
        }
        return out;
    }
}

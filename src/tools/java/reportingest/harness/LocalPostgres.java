package reportingest.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server (Debian's {@code postgresql} package: initdb and pg_ctl) in a temporary data
 * directory on a free loopback port, for tests, chaos runs and benchmarks that need a database several service
 * JVMs share. Run as root, the server runs as the {@code postgres} user (PostgreSQL refuses root). No Docker.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "ingest";
    public static final String PASSWORD = "ingest";
    private static LocalPostgres shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private LocalPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Where initdb and pg_ctl are: INGEST_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
    public static Optional<Path> binaries() {
        String configured = System.getenv("INGEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p.resolve("pg_ctl")) ? Optional.of(p) : Optional.empty();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One server for the whole JVM, started on first use and stopped when the JVM ends. */
    public static synchronized LocalPostgres shared() throws IOException {
        if (shared == null) {
            shared = start();
            LocalPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-postgres-stop"));
        }
        return shared;
    }

    public static LocalPostgres start() throws IOException {
        Path bin = binaries().orElseThrow(() -> new IOException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/pg_ctl): bin/setup installs it"));
        Path dir = Files.createTempDirectory("ingest-pg-");
        LocalPostgres pg = new LocalPostgres(bin, dir, freePort());
        try {
            pg.initAndStart();
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    private void initAndStart() throws IOException {
        Path data = dir.resolve("data");
        Path pwFile = dir.resolve("pw");
        Files.writeString(pwFile, PASSWORD + "\n");
        if (root()) {
            // the server's own user must own its files; the directory is only ours for the run
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")));
        run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=300 -c full_page_writes=off -c synchronous_commit=off",
                "start")));
    }

    /** A new empty database on this server; its JDBC URL. */
    public String newDatabase() {
        String name = "ingest_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() { return port; }

    /** Stops the server at once (its data is thrown away) and deletes its directory. */
    @Override
    public void close() {
        try {
            if (Files.isDirectory(dir.resolve("data"))) {
                run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "-m", "immediate", "-w", "stop")));
            }
        } catch (IOException | RuntimeException ignored) {
            // not running: nothing to stop
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!root()) return command;
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        return cmd;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed:\n" + out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package reportingest.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * All settings in one place. Defaults live in {@code application.properties}; the environment
 * overrides the few an operator sets: INGEST_HOME, INGEST_PORT, INGEST_BIND, INGEST_JDBC_URL, INGEST_JDBC_USER,
 * INGEST_JDBC_PASSWORD, INGEST_NODE, INGEST_API_TOKEN, INGEST_LOG_FORMAT.
 * System properties of the same dotted names override both (used by tests).
 */
public final class IngestConfig {
    private final Properties props;

    private IngestConfig(Properties props) {
        this.props = props;
    }

    public static IngestConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    static IngestConfig load(Map<String, String> env, Properties system) {
        Properties p = new Properties();
        try (InputStream in = IngestConfig.class.getResourceAsStream("/application.properties")) {
            if (in != null) p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        putIfSet(p, "ingest.home", env.get("INGEST_HOME"));
        putIfSet(p, "ingest.port", env.get("INGEST_PORT"));
        // the address HTTP binds: 127.0.0.1 unless the operator opens it on purpose (e.g. 0.0.0.0 behind a proxy)
        putIfSet(p, "ingest.host", env.get("INGEST_BIND"));
        putIfSet(p, "ingest.jdbc.url", env.get("INGEST_JDBC_URL"));
        putIfSet(p, "ingest.jdbc.user", env.get("INGEST_JDBC_USER"));
        putIfSet(p, "ingest.jdbc.password", env.get("INGEST_JDBC_PASSWORD"));
        putIfSet(p, "ingest.node", env.get("INGEST_NODE"));
        putIfSet(p, "ingest.api.token", env.get("INGEST_API_TOKEN"));
        putIfSet(p, "ingest.log-format", env.get("INGEST_LOG_FORMAT"));
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("ingest.") || name.startsWith("camel.")) p.setProperty(name, system.getProperty(name));
        }
        return new IngestConfig(p);
    }

    /** A config with explicit overrides on top of the defaults (tests, eval). */
    public static IngestConfig withOverrides(Map<String, String> overrides) {
        IngestConfig base = load(Map.of(), new Properties());
        base.props.putAll(overrides);
        return base;
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) p.setProperty(key, value);
    }

    public Path home() { return Path.of(props.getProperty("ingest.home", "work")).toAbsolutePath().normalize(); }
    public Path inbox() { return home().resolve("inbox"); }
    public Path archive() { return home().resolve("archive"); }
    public Path failed() { return home().resolve("failed"); }
    public Path data() { return home().resolve("data"); }

    public String host() { return props.getProperty("ingest.host", "127.0.0.1"); }
    public int port() { return Integer.parseInt(props.getProperty("ingest.port", "8080")); }

    /**
     * JDBC URL; by default an embedded H2 file under data/. WRITE_DELAY=0: a commit is on disk when it returns
     * (H2 otherwise writes it up to half a second later), so a record the service said it stored, and a file it
     * then moved to archive/, survive a kill; and a disk that is full fails the commit itself, not a later write.
     */
    public String jdbcUrl() {
        String url = props.getProperty("ingest.jdbc.url", "");
        if (!url.isBlank()) return url;
        return "jdbc:h2:file:" + data().resolve("ingest").toString().replace('\\', '/') + ";WRITE_DELAY=0";
    }

    public String jdbcUser() { return props.getProperty("ingest.jdbc.user", "sa"); }
    public String jdbcPassword() { return props.getProperty("ingest.jdbc.password", ""); }

    /** Whether the store is a database several nodes can share (PostgreSQL), rather than an embedded H2 file. */
    public boolean clustered() { return jdbcUrl().startsWith("jdbc:postgresql:"); }

    /** This node's name, recorded on each document it takes: INGEST_NODE, else host name and port. */
    public String node() {
        String n = props.getProperty("ingest.node", "").strip();
        if (!n.isEmpty()) return n;
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + port();
    }

    /**
     * How long a node's claim on a file (and on its document's run) holds without being renewed: a node that
     * dies has its files taken over by another node after this long. Renewed every sixth of it.
     */
    public java.time.Duration leaseTime() {
        long ms = Long.parseLong(props.getProperty("ingest.cluster.lease-ms", "30000").strip());
        if (ms < 600) throw new IllegalArgumentException("ingest.cluster.lease-ms must be at least 600: " + ms);
        return java.time.Duration.ofMillis(ms);
    }

    /** Documents processed at the same time by this node (each also OCRs its pages on the shared page workers). */
    public int documentWorkers() {
        int n = Integer.parseInt(props.getProperty("ingest.workers", "1").strip());
        if (n < 1) throw new IllegalArgumentException("ingest.workers must be at least 1: " + n);
        return n;
    }

    /** Where the YAML routes are read from. */
    public String routesPattern() { return props.getProperty("ingest.routes", "file:camel-routes/*.yaml"); }

    /** Files above this size are refused with a clear reason rather than risking memory. */
    public long maxFileBytes() { return Long.parseLong(props.getProperty("ingest.max-file-mb", "512")) * 1024 * 1024; }

    /** Text files above this size are refused before they are read into memory. */
    public long maxTextBytes() { return Long.parseLong(props.getProperty("ingest.max-text-mb", "50")) * 1024 * 1024; }

    /** What one compressed part of a PDF (other than an image, which may take what its pixels need) may expand to. */
    public long maxStreamBytes() { return Long.parseLong(props.getProperty("ingest.max-stream-mb", "128").strip()) * 1024 * 1024; }

    /** Intake pauses, and /api/health/ready says not ready, while the disk of the home has less free space than this (0: never). */
    public long minFreeDiskBytes() { return Long.parseLong(props.getProperty("ingest.min-free-disk-mb", "100").strip()) * 1024 * 1024; }

    /** Pages one file may have. */
    public int maxPages() { return Integer.parseInt(props.getProperty("ingest.max-pages", "1000")); }

    /** How long one file may take; past it the file is abandoned (TIMEOUT) and nothing of it kept. */
    public java.time.Duration timePerFile() {
        return java.time.Duration.ofSeconds(Long.parseLong(props.getProperty("ingest.max-seconds-per-file", "900")));
    }

    /** How long a file must stay unchanged before it is taken (a file still being copied is left alone). */
    public long readLockMinAgeMs() { return Long.parseLong(props.getProperty("ingest.read-lock.min-age-ms", "2000")); }
    public long readLockCheckIntervalMs() { return Long.parseLong(props.getProperty("ingest.read-lock.check-interval-ms", "1000")); }
    public long pollDelayMs() { return Long.parseLong(props.getProperty("ingest.poll-delay-ms", "500")); }

    public String tessdata() { return props.getProperty("ingest.ocr.tessdata", "/usr/share/tesseract-ocr/5/tessdata"); }
    public String ocrLanguages() { return props.getProperty("ingest.ocr.languages", "chi_sim+eng"); }
    /** The most megapixels one page may take on its way to OCR; larger pages are read down-sampled. */
    public long maxPageMegapixels() {
        return Long.parseLong(props.getProperty("ingest.ocr.max-page-megapixels", "60").strip());
    }

    /**
     * Which OCR engines read scans: {@code tesseract} (default), {@code ppocr}, or {@code tesseract,ppocr}
     * (both, each cell read twice, the table's identities deciding where they differ). Parsed by the OCR package.
     */
    public String ocrEngines() { return props.getProperty("ingest.ocr.engines", "tesseract").strip(); }

    /**
     * With both OCR engines, what PP-OCR reads again: {@code doubtful} (default: only the cells and the lines outside
     * them that Tesseract is unsure of; a confident misreading is then left to the identities alone) or {@code all}
     * (every ruled cell, and detection on every whole page: about twice the CPU and memory).
     */
    public boolean ocrSecondReadingDoubtfulOnly() {
        String v = props.getProperty("ingest.ocr.second-reading", "doubtful").strip();
        if (!v.equals("all") && !v.equals("doubtful")) {
            throw new IllegalArgumentException("ingest.ocr.second-reading must be all or doubtful: " + v);
        }
        return v.equals("doubtful");
    }

    public int ocrDpi() { return Integer.parseInt(props.getProperty("ingest.ocr.dpi", "300")); }

    /** Bearer token the write endpoints (review actions) require; empty: writes are refused. */
    public String apiToken() { return props.getProperty("ingest.api.token", ""); }
    /** Pages OCR'd at the same time; blank or 0 means one per available processor. */
    public int ocrWorkers() {
        String v = props.getProperty("ingest.ocr.workers", "").strip();
        int n = v.isEmpty() ? 0 : Integer.parseInt(v);
        if (n < 0) throw new IllegalArgumentException("ingest.ocr.workers must not be negative: " + v);
        return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
    }

    /** Whether the log also goes to logs/ingest.log in the home (rolled daily and at 20 MB, 14 days kept). */
    public boolean logFile() { return Boolean.parseBoolean(props.getProperty("ingest.log-file", "true").strip()); }

    /** How the log is written: "text" (lines for people, the default) or "json" (one JSON object a line). */
    public String logFormat() { return props.getProperty("ingest.log-format", "text"); }

    /** Every ingest.* and camel.* setting, handed to Camel as property placeholders. */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty("ingest.inbox", inbox().toString());
        p.setProperty("ingest.archive", archive().toString());
        p.setProperty("ingest.failed", failed().toString());
        p.setProperty("ingest.read-lock.min-age-ms", Long.toString(readLockMinAgeMs()));
        p.setProperty("ingest.read-lock.check-interval-ms", Long.toString(readLockCheckIntervalMs()));
        p.setProperty("ingest.poll-delay-ms", Long.toString(pollDelayMs()));
        p.setProperty("camel.server.host", host());
        p.setProperty("camel.server.port", Integer.toString(port()));
        p.setProperty("camel.main.routes-include-pattern", routesPattern());
        return p;
    }

    public String get(String key, String fallback) { return props.getProperty(key, fallback); }
}

package reportingest.route;

import reportingest.config.IngestConfig;
import reportingest.store.DocumentStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is the service ready to take files (GET /api/health/ready)? Each check named, in this order:
 * <ul>
 * <li>{@code database}: a query answers;</li>
 * <li>{@code inbox}, {@code archive}, {@code failed}: the folder exists and can be written (as {@link IntakeGate}
 * tests it before every poll);</li>
 * <li>{@code diskSpace}: the disk of the home has at least {@code ingest.min-free-disk-mb} free;</li>
 * <li>{@code intake}: intake is not paused ({@link IntakeGate}; it resumes by itself at the poll after its folder is
 * writable again).</li>
 * <li>{@code ocr}: which OCR engines read scans (never failing: with PP-OCR not loaded, Tesseract reads alone, and
 * the detail says so).</li>
 * </ul>
 */
public final class Readiness {
    private final IngestConfig config;
    private final DocumentStore documents;
    private final IntakeGate gate;
    private final java.util.function.Supplier<String> ocr;

    public Readiness(IngestConfig config, DocumentStore documents, IntakeGate gate) {
        this(config, documents, gate, () -> null);
    }

    /** @param ocr which OCR engines read scans, in words (null: no {@code ocr} check) */
    public Readiness(IngestConfig config, DocumentStore documents, IntakeGate gate, java.util.function.Supplier<String> ocr) {
        this.config = config;
        this.documents = documents;
        this.gate = gate;
        this.ocr = ocr;
    }

    /** One check: its name, whether it passed, and what was found. */
    public record Check(String name, boolean ok, String detail) {}

    /** All checks; ready when every one passed. */
    public record Report(List<Check> checks) {
        public boolean ready() { return checks.stream().allMatch(Check::ok); }

        public List<String> failing() { return checks.stream().filter(c -> !c.ok()).map(Check::name).toList(); }

        /** {"status": "UP"|"DOWN", "checks": {name: {"status", "detail"}}, "failing": [names]} */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", ready() ? "UP" : "DOWN");
            Map<String, Object> byName = new LinkedHashMap<>();
            for (Check c : checks) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("status", c.ok() ? "UP" : "DOWN");
                one.put("detail", c.detail());
                byName.put(c.name(), one);
            }
            m.put("checks", byName);
            m.put("failing", failing());
            return m;
        }
    }

    public Report check() {
        List<Check> checks = new ArrayList<>();
        checks.add(database());
        checks.add(writable("inbox", config.inbox()));
        checks.add(writable("archive", config.archive()));
        checks.add(writable("failed", config.failed()));
        checks.add(diskSpace());
        checks.add(gate.reason() == null ? new Check("intake", true, "running")
                : new Check("intake", false, "paused: " + gate.reason()));
        // never failing: a service whose PP-OCR did not load still reads scans, with Tesseract alone, and says so here
        String engines = ocr.get();
        if (engines != null) checks.add(new Check("ocr", true, engines));
        return new Report(List.copyOf(checks));
    }

    private Check database() {
        try {
            documents.listAfter(Long.MAX_VALUE, 1);
            return new Check("database", true, "reachable");
        } catch (RuntimeException e) {
            return new Check("database", false, "not reachable: " + e.getMessage());
        }
    }

    private static Check writable(String name, Path folder) {
        if (!Files.isDirectory(folder)) return new Check(name, false, "the folder " + folder + " does not exist");
        if (!Files.isWritable(folder)) return new Check(name, false, "the folder " + folder + " is not writable");
        return new Check(name, true, "writable");
    }

    private Check diskSpace() {
        long needed = config.minFreeDiskBytes();
        try {
            long free = Files.getFileStore(config.home()).getUsableSpace();
            String detail = (free >> 20) + " MB free on the disk of " + config.home() + ", at least " + (needed >> 20) + " MB needed";
            return new Check("diskSpace", free >= needed, detail);
        } catch (IOException | RuntimeException e) {
            return new Check("diskSpace", false, "free space of " + config.home() + " unknown: " + e.getMessage());
        }
    }
}

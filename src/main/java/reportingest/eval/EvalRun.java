package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;
import reportingest.store.ExportBuilder;
import reportingest.store.Json;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs inputs through the real service, not a copy of its pipeline: a service on a temporary home
 * takes the files from its inbox with the same Camel routes, and the exports it stores are scored
 * against the truth files.
 */
public final class EvalRun {
    /** Long enough for a few hundred scanned pages. */
    private static final long TIMEOUT_MS = 60 * 60 * 1000;

    public record Result(EvalReport report, int pages, double seconds) {}

    public static Result run(Path inputs, Path truth, boolean listSilentErrors) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(inputs)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        Path home = Files.createTempDirectory("ingest-eval-");
        IngestConfig config = IngestConfig.withOverrides(Map.of(
                "ingest.home", home.toString(),
                "ingest.port", Integer.toString(freePort()),
                // inputs are copied in whole, so there is no slow writer to wait for
                "ingest.read-lock.min-age-ms", "100",
                "ingest.read-lock.check-interval-ms", "100",
                "ingest.poll-delay-ms", "100"));
        EvalReport report = new EvalReport(listSilentErrors);
        int pages = 0;
        long start = System.nanoTime();
        try (IngestService service = IngestService.start(config)) {
            DocumentStore documents = new DocumentStore(service.database());
            ExportBuilder exports = new ExportBuilder(service.database(), documents);
            Map<Path, String> shaByInput = new LinkedHashMap<>();
            for (Path f : files) {
                shaByInput.put(f, sha256(f));
                Path staged = home.resolve(".staging-" + f.getFileName());
                Files.copy(f, staged);
                Files.move(staged, config.inbox().resolve(f.getFileName()));
            }
            awaitAllFinished(documents, shaByInput.values());
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Map.Entry<Path, String> e : shaByInput.entrySet()) {
                Path truthFile = TruthFiles.truthFor(e.getKey(), truth);
                DocumentRecord doc = original(documents, e.getValue());
                if (doc.pages() != null) pages += doc.pages();
                if (!Files.exists(truthFile)) {
                    System.err.println("eval: no truth file " + truthFile.getFileName() + " for " + e.getKey().getFileName() + "; skipped");
                    continue;
                }
                JsonNode export = doc.status().succeeded()
                        ? Json.MAPPER.valueToTree(exports.export(doc.id()).orElseThrow()) : null;
                report.add(ExportComparator.compare(export, TruthFiles.read(truthFile)).named(e.getKey().getFileName().toString()));
            }
            return new Result(report, pages, seconds);
        }
    }

    private static void awaitAllFinished(DocumentStore documents, Iterable<String> shas) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        for (String sha : shas) {
            while (!finished(documents, sha)) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException("eval timed out");
                Thread.sleep(100); // polling the database: the service gives no completion event to outside callers
            }
        }
    }

    private static boolean finished(DocumentStore documents, String sha) {
        List<DocumentRecord> docs = documents.findBySha256(sha);
        return !docs.isEmpty() && docs.stream().allMatch(d -> d.finishedAt() != null && d.status() != DocumentStatus.PROCESSING);
    }

    /** The document that holds the records for this content (a duplicate points at it). */
    private static DocumentRecord original(DocumentStore documents, String sha) {
        List<DocumentRecord> docs = documents.findBySha256(sha);
        return docs.stream().filter(d -> d.status() != DocumentStatus.DUPLICATE).findFirst().orElse(docs.get(0));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}

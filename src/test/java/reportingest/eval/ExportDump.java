package reportingest.eval;

import reportingest.IngestService;
import reportingest.config.IngestConfig;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStore;
import reportingest.store.ExportBuilder;
import reportingest.store.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs files through the real service like bin/eval and writes each export as JSON (a tool for tuning, not a test). Args: outDir files...; -Dingest.KEY=VALUE sets a setting. */
public final class ExportDump {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("export-dump-");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("ingest.home", home.toString(), "ingest.port", "0",
                "ingest.read-lock.min-age-ms", "100", "ingest.read-lock.check-interval-ms", "100", "ingest.poll-delay-ms", "100"));
        // -Dingest.ocr.engines=tesseract,ppocr and the like, as bin/eval's --set
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("ingest.") && !settings.containsKey(k))
                .forEach(k -> settings.put(k, System.getProperty(k)));
        IngestConfig config = IngestConfig.withOverrides(settings);
        try (IngestService service = IngestService.start(config)) {
            DocumentStore documents = new DocumentStore(service.database());
            ExportBuilder exports = new ExportBuilder(service.database(), documents);
            for (int i = 1; i < args.length; i++) {
                Path f = Path.of(args[i]);
                Path staged = home.resolve(".staging-" + f.getFileName());
                Files.copy(f, staged);
                Files.move(staged, config.inbox().resolve(f.getFileName()));
            }
            for (int i = 1; i < args.length; i++) {
                String sha = reportingest.harness.ScratchHome.sha256(Path.of(args[i]));
                List<DocumentRecord> docs;
                while ((docs = documents.findBySha256(sha)).isEmpty() || docs.get(0).finishedAt() == null) Thread.sleep(200);
                Object export = exports.export(docs.get(0).id()).orElse(null);
                Files.writeString(out.resolve(Path.of(args[i]).getFileName() + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(export));
            }
        }
    }
}

package reportingest.route;

import reportingest.detect.DetectedFile;
import reportingest.layout.Page;
import reportingest.reconcile.ExtractedDocument;
import reportingest.store.DocumentStatus;
import reportingest.tables.RawTable;

import java.nio.file.Path;
import java.util.List;

/**
 * One document on its way through the pipeline; each step returns a copy with its own result added.
 * {@code startedNanos}: when it was taken, for the time limit ({@link Limits}). {@code stage}: the last stage it
 * went through ({@link #STAGES}), so a failure can say which stage it happened in.
 */
public record IngestJob(long documentId, Path path, String fileName, String sha256, long sizeBytes,
                        DetectedFile detected, List<Page> pages, List<RawTable> rawTables,
                        ExtractedDocument extracted, DocumentStatus status, long startedNanos, String stage) {

    /** The stages in the order camel-routes/ingest.yaml runs them. */
    public static final List<String> STAGES = List.of("intake", "detect", "layout", "tables", "reconcile", "validate", "store");

    public static IngestJob received(long documentId, Path path, String fileName, String sha256, long sizeBytes) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, null, List.of(), List.of(), null, null,
                System.nanoTime(), "intake");
    }

    public IngestJob withDetected(DetectedFile d) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, d, pages, rawTables, extracted, status, startedNanos, "detect");
    }

    public IngestJob withPages(List<Page> p) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, List.copyOf(p), rawTables, extracted, status, startedNanos, "layout");
    }

    public IngestJob withRawTables(List<RawTable> t) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, pages, List.copyOf(t), extracted, status, startedNanos, "tables");
    }

    public IngestJob withExtracted(ExtractedDocument e) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, pages, rawTables, e, status, startedNanos, "reconcile");
    }

    public IngestJob withStatus(DocumentStatus s) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, pages, rawTables, extracted, s, startedNanos, "validate");
    }

    /** The stage after the last one it went through: where a failure now happened. */
    public String nextStage() {
        int i = STAGES.indexOf(stage);
        return i >= 0 && i + 1 < STAGES.size() ? STAGES.get(i + 1) : stage;
    }

    /** Milliseconds since the file was taken. */
    public long elapsedMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

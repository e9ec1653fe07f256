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
 * {@code startedNanos}: when it was taken, for the time limit ({@link Limits}).
 */
public record IngestJob(long documentId, Path path, String fileName, String sha256, long sizeBytes,
                        DetectedFile detected, List<Page> pages, List<RawTable> rawTables,
                        ExtractedDocument extracted, DocumentStatus status, long startedNanos) {

    public static IngestJob received(long documentId, Path path, String fileName, String sha256, long sizeBytes) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, null, List.of(), List.of(), null, null, System.nanoTime());
    }

    public IngestJob withDetected(DetectedFile d) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, d, pages, rawTables, extracted, status, startedNanos);
    }

    public IngestJob withPages(List<Page> p) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, List.copyOf(p), rawTables, extracted, status, startedNanos);
    }

    public IngestJob withRawTables(List<RawTable> t) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, pages, List.copyOf(t), extracted, status, startedNanos);
    }

    public IngestJob withExtracted(ExtractedDocument e) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, pages, rawTables, e, status, startedNanos);
    }

    public IngestJob withStatus(DocumentStatus s) {
        return new IngestJob(documentId, path, fileName, sha256, sizeBytes, detected, pages, rawTables, extracted, s, startedNanos);
    }
}

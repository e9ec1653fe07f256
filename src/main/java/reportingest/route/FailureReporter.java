package reportingest.route;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.IngestFailure;
import reportingest.store.DocumentStore;
import reportingest.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs when a file could not be processed: records the document as FAILED and writes
 * {@code failed/<name>.error.json} saying what was wrong and what to do. Camel then moves the file
 * itself to failed/; nothing is deleted.
 */
public final class FailureReporter {
    private static final Logger log = LoggerFactory.getLogger(FailureReporter.class);

    private final DocumentStore documents;

    public FailureReporter(DocumentStore documents) {
        this.documents = documents;
    }

    public void record(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String failedPath = exchange.getIn().getHeader(Intake.FAILED_PATH, String.class);
        Long documentId = exchange.getIn().getHeader(Intake.DOCUMENT_ID, Long.class);

        Explanation why = explain(error);
        if (documentId != null) {
            try {
                documents.markFailed(documentId, why.reason());
                if (failedPath != null) documents.recordStoredAs(documentId, failedPath);
            } catch (RuntimeException e) {
                log.error("Could not record failure of '{}' in the database: {}", fileName, e.getMessage());
            }
        }
        if (failedPath != null) writeErrorFile(Path.of(failedPath), fileName, documentId, why, error);
        log.warn("Failed '{}'{}: {} -> moved to {}", fileName, documentId == null ? "" : " (document " + documentId + ")",
                why.reason(), failedPath);
        if ("INTERNAL_ERROR".equals(why.code())) log.error("Fault of the service while processing '{}'", fileName, error);
    }

    private static void writeErrorFile(Path failedFile, String fileName, Long documentId, Explanation why, Throwable error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", fileName);
        body.put("documentId", documentId);
        body.put("code", why.code());
        body.put("reason", why.reason());
        body.put("action", why.action());
        body.put("detail", error == null ? null : error.getClass().getName() + ": " + error.getMessage());
        body.put("failedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        try {
            Files.createDirectories(failedFile.getParent());
            Files.writeString(Placement.errorFileOf(failedFile), Json.pretty(body));
        } catch (IOException e) {
            log.error("Could not write the error file for '{}': {}", fileName, e.getMessage());
        }
    }

    record Explanation(String code, String reason, String action) {}

    static Explanation explain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IngestFailure f) return new Explanation(f.code(), f.reason(), f.action());
        }
        String detail = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
        return new Explanation("INTERNAL_ERROR", "The service could not process the file (" + detail + ").",
                "This is a fault of the service, not of the file. Keep the file in failed/, report the error with this "
                        + "file to the maintainers, and move the file back into the inbox once it is fixed.");
    }
}

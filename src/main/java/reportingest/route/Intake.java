package reportingest.route;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.config.IngestConfig;
import reportingest.detect.IngestFailure;
import reportingest.store.DocumentStore;
import reportingest.store.Registration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * First step of the pipeline: decides where the file will go, hashes it, and registers it, so that
 * content seen before is recorded as a duplicate and never processed twice.
 */
public final class Intake {
    /** True when there is nothing left to process: a duplicate, or a file processed before that only needs placing. */
    public static final String PROCESSED = "ingestProcessed";
    public static final String DOCUMENT_ID = "ingestDocumentId";
    /** Header: the document a duplicate's content was first ingested as (absent for any other file). */
    public static final String DUPLICATE_OF = "ingestDuplicateOf";

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final IngestConfig config;
    private final DocumentStore documents;
    private final RunLeases leases;
    private final java.util.Set<String> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Intake(IngestConfig config, DocumentStore documents, RunLeases leases) {
        this.config = config;
        this.documents = documents;
        this.leases = leases;
    }

    public IngestJob receive(Exchange exchange) throws IOException {
        long t0 = System.nanoTime();
        Path file = exchange.getIn().getBody(java.io.File.class).toPath();
        String name = file.getFileName().toString();
        // the consumer's filter takes regular files only; checked again here, before anything opens the file
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw InboxEntries.refusal(file);

        long size = Files.size(file);
        String sha256 = sha256(file);
        Registration reg = documents.register(name, sha256, size);
        if (reg.busy()) {
            if (waiting.add(name)) {
                log.info("'{}' waits in the inbox: the same content is being processed now as document {} by {}; "
                        + "it is taken again when that run ends", name, reg.documentId(), reg.busyNode());
            }
            throw new SameContentInProgress(name, reg.documentId(), reg.busyNode());
        }
        waiting.remove(name);
        if (!reg.duplicate() && !reg.processed()) leases.hold(exchange, reg.documentId());
        exchange.getIn().setHeader(DOCUMENT_ID, reg.documentId());
        exchange.getIn().setHeader(PROCESSED, reg.duplicate() || reg.processed());
        if (reg.duplicate()) exchange.getIn().setHeader(DUPLICATE_OF, reg.duplicateOf());
        // a duplicate is counted by outcome; a file processed before that is only placed now was counted then
        String outcome = reg.processed() ? "placing" : reg.duplicate() ? "duplicate" : reg.attempt() > 1 ? "retaken" : "taken";
        exchange.getIn().setHeader(StoreStep.OUTCOME, outcome);
        var event = StageEvent.info(log, name, reg.documentId(), "intake", outcome, t0);
        if (reg.processed()) {
            event.log("Took '{}' ({} bytes) again: document {} was processed before but the file could not be moved "
                    + "out of the inbox; moving it now", name, size, reg.documentId());
        } else if (reg.duplicate()) {
            event.log("Took '{}' ({} bytes): same content as document {}; recorded as duplicate {} and not processed again",
                    name, size, reg.duplicateOf(), reg.documentId());
        } else if (reg.attempt() > 1 && reg.earlier() == Registration.Earlier.FAILED_NOT_PLACED) {
            // it did finish: it failed, and the file could not be moved to failed/ then
            event.log("Took '{}' ({} bytes) as document {} again (attempt {}): an earlier run failed ({}) but the file "
                    + "could not be moved to failed/; processing it again", name, size, reg.documentId(), reg.attempt(),
                    reg.earlierError() == null ? "no reason recorded" : reg.earlierError());
        } else if (reg.attempt() > 1) {
            event.log("Took '{}' ({} bytes) as document {} again (attempt {}): an earlier run was interrupted before "
                    + "it ended (the service stopped or was killed, or an outage deferred it)",
                    name, size, reg.documentId(), reg.attempt());
        } else {
            event.log("Took '{}' ({} bytes) as document {}", name, size, reg.documentId());
        }
        IngestJob job = IngestJob.received(reg.documentId(), file, name, sha256, size);
        if (size == 0 && !reg.duplicate() && !reg.processed()) {
            throw new IngestFailure("EMPTY_FILE", "The file is empty (0 bytes).",
                    "Check the scan or export that produced it and drop a complete copy into the inbox.");
        }
        if (size > config.maxFileBytes() && !reg.processed()) {
            throw new IngestFailure("TOO_LARGE", "The file is " + (size >> 20) + " MB, above the limit of "
                    + (config.maxFileBytes() >> 20) + " MB.",
                    "Split the document, or raise ingest.max-file-mb in application.properties and drop it again.");
        }
        if (!reg.duplicate() && !reg.processed()) documents.markProcessing(reg.documentId(), null);
        return job;
    }

    /** SHA-256 of the file's bytes, in hex: the identity of a document's content. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

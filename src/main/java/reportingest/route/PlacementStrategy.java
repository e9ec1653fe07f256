package reportingest.route;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.FileIdempotentChangedRepositoryReadLockStrategy;
import org.apache.camel.component.file.strategy.GenericFileProcessStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.config.IngestConfig;
import reportingest.review.ReviewSidecar;
import reportingest.store.DocumentStore;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbox consumer's process strategy ({@code processStrategy}): Camel's read lock, then where each file
 * goes once the route is done with it.
 * <ul>
 * <li>Read lock: Camel's "changed" strategy (a file is taken once it has stopped changing), without a
 * {@code .camelLock} marker file beside it: a marker's longer name must not keep a file with a long name in the
 * inbox for ever. Where several nodes share the inbox, "idempotent-changed": a claim in the shared database
 * ({@link InboxClaims}) first, so that each file is taken by one node.</li>
 * <li>Success: the file is renamed into archive/ (under a free name, {@link Placement}; a duplicate under
 * {@code <stem>.duplicate-of-<id>.<ext>}), a document that needs review with {@code <name>.review.json} written
 * before it ({@link ReviewSidecar}), and only then does its row say where it lies.</li>
 * <li>Failure: {@code failed/<name>.error.json} is written and the file renamed beside it, both or neither.</li>
 * <li>If the move cannot be done, the file stays in the inbox, its row unplaced; it is taken again at a later
 * poll and placed then, under the same row ({@link DocumentStore#register}), never as a new one. Said once
 * per file in the log.</li>
 * </ul>
 */
public final class PlacementStrategy extends GenericFileProcessStrategySupport<File> {
    private static final Logger log = LoggerFactory.getLogger(PlacementStrategy.class);

    private final IngestConfig config;
    private final DocumentStore documents;
    private final ReviewSidecar sidecar;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final InboxClaims claims;

    public PlacementStrategy(IngestConfig config, DocumentStore documents) {
        this(config, documents, null);
    }

    /** @param sidecar writes {@code <name>.review.json} beside an original that needs review (null: none) */
    public PlacementStrategy(IngestConfig config, DocumentStore documents, ReviewSidecar sidecar) {
        this(config, documents, sidecar, null);
    }

    /**
     * @param claims where several nodes share the inbox, the cluster-wide claims on its files ({@link InboxClaims});
     *               null: this node owns the inbox alone
     */
    public PlacementStrategy(IngestConfig config, DocumentStore documents, ReviewSidecar sidecar, InboxClaims claims) {
        this.config = config;
        this.documents = documents;
        this.sidecar = sidecar;
        this.claims = claims;
        if (claims == null) {
            FileChangedExclusiveReadLockStrategy lock = waitingForQuiet(new FileChangedExclusiveReadLockStrategy());
            lock.setMinAge(config.readLockMinAgeMs());
            lock.setMinLength(0);
            setExclusiveReadLockStrategy(lock);
        } else {
            // Camel's "idempotent-changed" read lock: a node claims the file, then waits until it stops changing;
            // the claim is dropped once the file is placed (or left in the inbox), so a later file of that name is new
            FileIdempotentChangedRepositoryReadLockStrategy lock = waitingForQuiet(new FileIdempotentChangedRepositoryReadLockStrategy());
            lock.setIdempotentRepository(claims);
            lock.setMinAge(config.readLockMinAgeMs());
            lock.setMinLength(0);
            lock.setRemoveOnCommit(true);
            lock.setRemoveOnRollback(true);
            // another node may still list a file just placed: its claim is dropped a little later, when the file is gone
            lock.setReadLockIdempotentReleaseDelay((int) Math.min(5_000, config.pollDelayMs() * 4));
            lock.setReadLockIdempotentReleaseAsync(true);
            setExclusiveReadLockStrategy(lock);
        }
    }

    /**
     * What both read locks share (minimum age and length are not on Camel's common type): no marker files, a file
     * is looked at again every check interval until it stops changing, and never waited on past one poll.
     */
    private <L extends GenericFileExclusiveReadLockStrategy<File>> L waitingForQuiet(L lock) {
        lock.setMarkerFiler(false);
        lock.setDeleteOrphanLockFiles(false);
        lock.setCheckInterval(config.readLockCheckIntervalMs());
        lock.setTimeout(0);
        return lock;
    }

    @Override
    protected void doStart() throws Exception {
        if (claims != null) {
            claims.setCamelContext(getCamelContext());
            org.apache.camel.support.service.ServiceHelper.startService(claims);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        org.apache.camel.support.service.ServiceHelper.stopService(claims);
    }

    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                       GenericFile<File> file) throws Exception {
        try {
            place(exchange, file, false);
        } finally {
            super.commit(operations, endpoint, exchange, file);
        }
    }

    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        try {
            place(exchange, file, true);
        } finally {
            super.rollback(operations, endpoint, exchange, file);
        }
    }

    void place(Exchange exchange, GenericFile<File> file, boolean failed) {
        Path source = file.getFile().toPath();
        String name = source.getFileName().toString();
        Long documentId = exchange.getIn().getHeader(Intake.DOCUMENT_ID, Long.class);
        Path folder = failed ? config.failed() : config.archive();
        if (failed && exchange.getProperty(FailureReporter.DEFERRED) != null) {
            // stopped by a full disk or an unreachable database: nothing is wrong with the file (IntakeGate said so)
            return;
        }
        if (failed && FailureReporter.stopping(exchange, exchange.getException())) {
            // the run was cut by a stop before the failure reporter could say so (the route is gone): the file is not
            // at fault, it waits for the next start
            once(name, "'{}' was not finished before the service stopped; it stays in the inbox and is taken again at the next start", name);
            return;
        }
        if (documentId == null) {
            // not registered (the database could not be reached, or the entry is one the intake gate refuses): no row,
            // so it stays where it is and is looked at again at the next poll
            once(name, "'{}' stays in the inbox: it has no document row yet; it is looked at again at the next poll", name);
            return;
        }
        long t0 = System.nanoTime();
        Path target;
        try {
            if (failed) {
                FailureReporter.Explanation why = exchange.getProperty(FailureReporter.EXPLANATION, FailureReporter.Explanation.class);
                if (why == null) why = FailureReporter.explain(exchange.getException());
                target = Placement.moveWithErrorFile(source, folder, name, FailureReporter.errorFile(name, documentId, why));
            } else {
                Long duplicateOf = exchange.getIn().getHeader(Intake.DUPLICATE_OF, Long.class);
                String storeName = duplicateOf != null ? Placement.duplicateName(name, duplicateOf) : name;
                // a document that needs review: its review file first, then the file, both or neither
                var review = duplicateOf != null || sidecar == null
                        ? java.util.Optional.<java.util.function.Function<Path, String>>empty() : sidecar.content(documentId);
                target = review.isPresent()
                        ? Placement.moveWithReviewFile(source, folder, storeName, review.get()::apply)
                        : Placement.move(source, folder, storeName);
            }
        } catch (IOException | RuntimeException e) {
            once(name, "Could not move '{}' (document {}) to {}: {}. It stays in the inbox and is placed at a later poll, "
                    + "under the same document.", name, documentId, folder, describe(e));
            return;
        }
        reported.remove(name);
        StageEvent.info(log, name, documentId, "place", failed ? "failed" : "archive", t0)
                .log("Moved '{}' (document {}) to {}{}", name, documentId, target, failed ? " with its error file" : "");
        try {
            documents.recordStoredAs(documentId, target.toString());
        } catch (RuntimeException e) {
            // the file is placed; only its row does not say where yet (the ledger shows the difference)
            log.warn("Moved '{}' (document {}) to {}, but the database could not record where it lies: {}",
                    name, documentId, target, describe(e));
        }
    }

    private void once(String name, String message, Object... args) {
        if (reported.add(name)) log.warn(message, args);
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is already there";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }
}

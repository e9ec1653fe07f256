package reportingest.route;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.config.IngestConfig;
import reportingest.detect.IngestFailure;
import reportingest.store.DocumentStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The inbox consumer's poll strategy ({@code pollStrategy}): runs before every poll of the inbox.
 * <ul>
 * <li>If inbox/, archive/ or failed/ cannot be written, the poll is skipped: files stay in the inbox and no
 * row is made until they can be placed. Said once in the log and in /api/health ("intake": "PAUSED"); intake
 * resumes by itself, and says so, when the folder is writable again.</li>
 * <li>Entries the consumer must not take (links, FIFOs, device nodes: see {@link InboxEntries}) are moved
 * to failed/ as they are, never opened, with their error file and a FAILED row.</li>
 * <li>If the disk of the home has less free space than {@code ingest.min-free-disk-mb}, the poll is skipped the
 * same way: nothing is taken that could not be stored.</li>
 * <li>If a file's run was stopped by an {@link Outage} (the disk filled up under it, the database went away), the
 * file stays in the inbox and intake waits, longer after each outage that follows soon after the last (1 s, 2 s,
 * 4 s … 60 s); while the database is the cause it resumes only once the database answers again.</li>
 * <li>A poll that fails is reported once per distinct reason, without a stack trace, not at every poll.</li>
 * </ul>
 */
public final class IntakeGate implements PollingConsumerPollStrategy {
    private static final Logger log = LoggerFactory.getLogger(IntakeGate.class);

    private static final long FIRST_WAIT_MS = 1_000;
    private static final long LONGEST_WAIT_MS = 60_000;

    private final IngestConfig config;
    private final DocumentStore documents;
    private final BooleanSupplier databaseReachable;
    private final IngestMetrics metrics;
    private volatile String pausedBecause;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** The last outage that stopped a file, until intake resumes after it; and when to look again. */
    private volatile Outage outage;
    private volatile long retryAtNanos;
    private volatile long waitMs = FIRST_WAIT_MS;
    private volatile long outageEndedNanos = Long.MIN_VALUE;

    /**
     * @param databaseReachable asked, after an outage of the database, whether it answers again
     * @param metrics where refused entries are counted (files by outcome: failed); null counts none
     */
    public IntakeGate(IngestConfig config, DocumentStore documents, BooleanSupplier databaseReachable, IngestMetrics metrics) {
        this.config = config;
        this.documents = documents;
        this.databaseReachable = databaseReachable;
        this.metrics = metrics;
    }

    /**
     * A file's run was stopped by an outage: the file stays in the inbox, and intake waits before it takes
     * anything again. Outages in a row (within a minute of the last) wait twice as long each time.
     */
    public synchronized void defer(Outage cause, String fileName) {
        boolean soonAfterLast = outageEndedNanos != Long.MIN_VALUE && System.nanoTime() - outageEndedNanos < 60_000_000_000L;
        waitMs = outage != null || soonAfterLast ? Math.min(waitMs * 2, LONGEST_WAIT_MS) : FIRST_WAIT_MS;
        retryAtNanos = System.nanoTime() + waitMs * 1_000_000;
        String said = "Intake paused: " + cause.reason();
        if (outage == null || !said.equals(pausedBecause)) {
            log.warn("Could not finish '{}': {}. The file stays in the inbox and nothing of this run is kept; intake is "
                    + "paused and tries again by itself (next in {} s).", fileName, cause.reason(), waitMs / 1000);
        }
        outage = cause;
        pausedBecause = said.substring("Intake paused: ".length());
    }

    /** RUNNING, or PAUSED while a folder cannot be written. */
    public String state() { return pausedBecause == null ? "RUNNING" : "PAUSED"; }

    /** Why intake is paused, or null. */
    public String reason() { return pausedBecause; }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        String blocked = null;
        for (Path folder : List.of(config.inbox(), config.archive(), config.failed())) {
            if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
                blocked = "the folder " + folder + " is not writable";
                break;
            }
        }
        if (blocked == null) blocked = lowDisk();
        if (blocked != null) {
            if (!blocked.equals(pausedBecause)) {
                log.warn("Intake paused: {}. Files stay in the inbox untouched; intake resumes by itself once {}.",
                        blocked, blocked.startsWith("the folder") ? "it is writable again" : "there is room again");
            }
            pausedBecause = blocked;
            return false;
        }
        Outage current = outage;
        if (current != null) {
            if (System.nanoTime() < retryAtNanos) return false;
            if (current.kind() == Outage.Kind.DATABASE_UNREACHABLE && !databaseReachable.getAsBoolean()) {
                synchronized (this) {
                    waitMs = Math.min(waitMs * 2, LONGEST_WAIT_MS);
                    retryAtNanos = System.nanoTime() + waitMs * 1_000_000;
                }
                return false;
            }
            outage = null;
            outageEndedNanos = System.nanoTime();
        }
        if (pausedBecause != null) log.info("Intake resumed: the service can store and place files again.");
        pausedBecause = null;
        refuseStrays();
        return true;
    }

    /** Why the disk of the home is too full to take files, or null when there is room. */
    private String lowDisk() {
        long needed = config.minFreeDiskBytes();
        if (needed <= 0) return null;
        try {
            long free = Files.getFileStore(config.home()).getUsableSpace();
            if (free >= needed) return null;
            return "only " + (free >> 20) + " MB are free on the disk of " + config.home() + " (at least "
                    + (needed >> 20) + " MB are kept free, ingest.min-free-disk-mb)";
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        reported.removeIf(r -> r.startsWith("poll:"));
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        if (reported.add("poll:" + cause.getMessage())) {
            log.warn("Could not look into the inbox: {}. Trying again at the next poll; this is said once.", cause.getMessage());
        }
        return false;
    }

    private void refuseStrays() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(config.inbox())) {
            for (Path entry : entries) {
                if (InboxEntries.refused(entry)) refuse(entry);
            }
        } catch (IOException | RuntimeException e) {
            if (reported.add("sweep:" + e.getMessage())) log.warn("Could not look for links and pipes in the inbox: {}", e.getMessage());
        }
    }

    private void refuse(Path entry) {
        String name = entry.getFileName().toString();
        IngestFailure why = InboxEntries.refusal(entry);
        FailureReporter.Explanation explanation = FailureReporter.Explanation.of(why.code(), why.reason(), why.action());
        try {
            long id = documents.recordRefused(name, why.reason(), newId -> {
                try {
                    return Placement.moveWithErrorFile(entry, config.failed(), name,
                            FailureReporter.errorFile(name, newId, explanation)).toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reported.remove("refuse:" + name);
            if (metrics != null) metrics.refused(why.code());
            StageEvent.warn(log, name, id, "intake", "failed", 0).addKeyValue("code", why.code())
                    .log("Refused '{}' (document of its own, FAILED): {} {} -> moved to failed/ unopened", name, why.code(), why.reason());
        } catch (RuntimeException e) {
            if (reported.add("refuse:" + name)) {
                log.warn("Could not move '{}' ({}) out of the inbox: {}. It stays there; trying again at each poll, said once.",
                        name, why.code(), e.getMessage());
            }
        }
    }
}

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

/**
 * The inbox consumer's poll strategy ({@code pollStrategy}): runs before every poll of the inbox.
 * <ul>
 * <li>If inbox/, archive/ or failed/ cannot be written, the poll is skipped: files stay in the inbox and no
 * row is made until they can be placed. Said once in the log and in /api/health ("intake": "PAUSED"); intake
 * resumes by itself, and says so, when the folder is writable again.</li>
 * <li>Entries the consumer must not take (links, FIFOs, device nodes: see {@link InboxEntries}) are moved
 * to failed/ as they are, never opened, with their error file and a FAILED row.</li>
 * <li>A poll that fails is reported once per distinct reason, without a stack trace, not at every poll.</li>
 * </ul>
 */
public final class IntakeGate implements PollingConsumerPollStrategy {
    private static final Logger log = LoggerFactory.getLogger(IntakeGate.class);

    private final IngestConfig config;
    private final DocumentStore documents;
    private final IngestMetrics metrics;
    private volatile String pausedBecause;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public IntakeGate(IngestConfig config, DocumentStore documents) {
        this(config, documents, null);
    }

    /** @param metrics where refused entries are counted (files by outcome: failed); null counts none */
    public IntakeGate(IngestConfig config, DocumentStore documents, IngestMetrics metrics) {
        this.config = config;
        this.documents = documents;
        this.metrics = metrics;
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
        if (blocked != null) {
            if (!blocked.equals(pausedBecause)) {
                log.warn("Intake paused: {}. Files stay in the inbox untouched; intake resumes by itself once it is writable again.",
                        blocked);
            }
            pausedBecause = blocked;
            return false;
        }
        if (pausedBecause != null) log.info("Intake resumed: inbox, archive and failed folders are writable again.");
        pausedBecause = null;
        refuseStrays();
        return true;
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

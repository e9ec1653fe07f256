package reportingest.route;

import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log event per file per stage, written by the step that ran the stage: the operator's line as it always
 * was, with key-values the text log leaves out and the JSON log ({@code INGEST_LOG_FORMAT=json}) lists in
 * {@code kvpList}: {@code file}, {@code document}, {@code stage} (intake, detect, layout, tables, reconcile,
 * validate, store, place), {@code outcome}, {@code ms} (the stage's own time; for a failure, the time since the
 * file was taken) and, for failures, {@code code}.
 */
final class StageEvent {
    private StageEvent() {}

    static LoggingEventBuilder info(Logger log, String file, Long document, String stage, String outcome, long startNanos) {
        return with(log.atInfo(), file, document, stage, outcome, (System.nanoTime() - startNanos) / 1_000_000);
    }

    static LoggingEventBuilder warn(Logger log, String file, Long document, String stage, String outcome, long ms) {
        return with(log.atWarn(), file, document, stage, outcome, ms);
    }

    private static LoggingEventBuilder with(LoggingEventBuilder b, String file, Long document, String stage, String outcome, long ms) {
        b = b.addKeyValue("file", file);
        if (document != null) b = b.addKeyValue("document", document);
        return b.addKeyValue("stage", stage).addKeyValue("outcome", outcome).addKeyValue("ms", ms);
    }
}

package reportingest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * How the service writes its log: {@code text} (the lines of logback.xml: time, level, source, message) or
 * {@code json} (one JSON object a line, logback's own {@link JsonEncoder}: timestamp, level, loggerName, mdc,
 * kvpList, formattedMessage, throwable). Chosen by {@code ingest.log-format} / {@code INGEST_LOG_FORMAT} when the
 * service starts; both go to standard error. The pipeline's per-stage events carry their fields (file, document,
 * stage, outcome, ms, code) as key-values, which the text lines leave out and the JSON lines list in {@code kvpList}.
 */
final class LogFormat {
    static final String TEXT = "text";
    static final String JSON = "json";
    private static final String JSON_APPENDER = "json";

    private LogFormat() {}

    /** The format a setting names; anything else is refused with the names that are known. */
    static String parse(String setting) {
        String f = setting == null ? TEXT : setting.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) return TEXT;
        if (!f.equals(TEXT) && !f.equals(JSON)) {
            throw new IllegalArgumentException("ingest.log-format (INGEST_LOG_FORMAT) must be 'text' or 'json', not '" + setting + "'");
        }
        return f;
    }

    /**
     * Switches the root logger to the format and returns a handle that puts back what was there before (tests
     * start and stop services in one JVM). Does nothing when logback is not the logging library.
     */
    static Restore use(String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return () -> {};
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> before = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) before.add(it.next());
        boolean json = before.stream().anyMatch(a -> JSON_APPENDER.equals(a.getName()));
        // text is what logback.xml sets up; JSON replaces it until restored
        if (!format.equals(JSON) || json) return () -> {};
        ConsoleAppender<ILoggingEvent> appender = jsonAppender(context);
        root.addAppender(appender);
        before.forEach(a -> root.detachAppender(a.getName()));
        return () -> {
            before.forEach(root::addAppender);
            root.detachAppender(appender);
            appender.stop();
        };
    }

    private static ConsoleAppender<ILoggingEvent> jsonAppender(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithThreadName(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        // the message with its arguments filled in, not the {} template
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(JSON_APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** Puts the log format back as it was. */
    @FunctionalInterface
    interface Restore {
        void run();
    }
}

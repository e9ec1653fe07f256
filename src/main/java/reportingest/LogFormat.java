package reportingest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
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
 * <p>
 * The same lines also go to a log file in the home ({@code logs/ingest.log}), rolled each day and at 20 MB, kept 14
 * days and 500 MB at most: an operator who finds a file in failed/ next week can still read what happened to it.
 */
final class LogFormat {
    static final String TEXT = "text";
    static final String JSON = "json";
    private static final String JSON_APPENDER = "json";
    /** The same as logback.xml's console pattern. */
    private static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %level %logger{0} - %msg%n";

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
    static Restore use(String format, Path logDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return () -> {};
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> file = logDir == null ? null : fileAppender(context, format, logDir);
        if (file != null) root.addAppender(file);
        Restore consoleRestore = console(context, root, format);
        return () -> {
            consoleRestore.run();
            if (file != null) {
                root.detachAppender(file);
                file.stop();
            }
        };
    }

    private static Restore console(LoggerContext context, Logger root, String format) {
        List<Appender<ILoggingEvent>> before = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            if (a instanceof ConsoleAppender) before.add(a);
        }
        boolean json = before.stream().anyMatch(a -> JSON_APPENDER.equals(a.getName()));
        // text is what logback.xml sets up; JSON replaces it until restored
        if (!format.equals(JSON) || json) return () -> {};
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(JSON_APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(jsonEncoder(context));
        appender.start();
        root.addAppender(appender);
        before.forEach(a -> root.detachAppender(a.getName()));
        return () -> {
            before.forEach(root::addAppender);
            root.detachAppender(appender);
            appender.stop();
        };
    }

    /** logs/ingest.log in the home, in the console's format; rolled daily and at 20 MB, 14 days and 500 MB kept. */
    private static Appender<ILoggingEvent> fileAppender(LoggerContext context, String format, Path logDir) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file:" + logDir);
        appender.setFile(logDir.resolve("ingest.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logDir.resolve("ingest.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("20MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("500MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        if (format.equals(JSON)) {
            appender.setEncoder(jsonEncoder(context));
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern(TEXT_PATTERN);
            text.start();
            appender.setEncoder(text);
        }
        appender.start();
        return appender;
    }

    private static JsonEncoder jsonEncoder(LoggerContext context) {
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
        return encoder;
    }

    /** Puts the log format back as it was. */
    @FunctionalInterface
    interface Restore {
        void run();
    }
}

package dev.tollgate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * What the application logs while a test runs, kept in memory: every event the root logger
 * takes, from every thread, with its message and the messages of its exceptions. Close it to
 * stop capturing and to give the loggers their levels back.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> events = new ArrayList<>();
    private final List<Logger> raised = new ArrayList<>();
    private final List<Level> levelsBefore = new ArrayList<>();

    private CapturedLogs() {
    }

    /**
     * Starts capturing. {@code debugLoggers} are set to DEBUG meanwhile, so that what they would
     * say when someone turns their logging up is checked too.
     */
    public static CapturedLogs capture(String... debugLoggers) {
        CapturedLogs logs = new CapturedLogs();
        for (String name : debugLoggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logs.raised.add(logger);
            logs.levelsBefore.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        logs.setName("captured-logs");
        logs.setContext(root().getLoggerContext());
        logs.start();
        root().addAppender(logs);
        return logs;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    /** Each event as one text: level, logger, message and the messages of its exception chain. */
    public synchronized List<String> lines() {
        return events.stream().map(CapturedLogs::text).toList();
    }

    public synchronized List<String> lines(Level level) {
        return events.stream().filter(event -> event.getLevel() == level).map(CapturedLogs::text).toList();
    }

    /** Everything captured, as one text to search. */
    public String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
        for (int i = 0; i < raised.size(); i++) {
            raised.get(i).setLevel(levelsBefore.get(i));
        }
    }

    private static String text(ILoggingEvent event) {
        List<String> parts = new ArrayList<>(List.of(event.getLevel().toString(), event.getLoggerName(),
                event.getFormattedMessage()));
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            parts.add(cause.getClassName() + ": " + cause.getMessage());
        }
        return parts.stream().collect(Collectors.joining(" "));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}

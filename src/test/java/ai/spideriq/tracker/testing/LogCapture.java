package ai.spideriq.tracker.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Collects what one logger category writes, for tests that assert what an operator would read in the log. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> category) {
        return new LogCapture(category.getName());
    }

    /** Everything any category writes. */
    public static LogCapture all() {
        return new LogCapture("");
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** Formatted messages at or above {@code level}. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(LogCapture::formatted).toList();
    }

    private static String formatted(LogRecord r) {
        if (r instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return r.getParameters() == null || r.getParameters().length == 0 ? r.getMessage()
                : String.format(r.getMessage(), r.getParameters());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

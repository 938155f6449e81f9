package ai.spideriq.tracker.kafka;

import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops SmallRye's two ERROR lines (with stack traces) per failed send on the channels whose every failed write the
 * tracker logs itself, once per job or record and with its reason ({@code WriteRetry}, {@code DeadLetterWriter}):
 * a write retried for minutes would otherwise log two stack traces per attempt. Every attempt is still counted in
 * {@code spideriq_kafka_write_failures_total}. Other channels' lines pass.
 */
@LoggingFilter(name = "kafka-write-failures-logged-once")
public final class KafkaWriteFailureLogFilter implements Filter {

    /** The channels whose failed writes the tracker logs itself. */
    static final Set<String> CHANNELS = Set.of("in-flight", "completed", "failed", "cancelled", "dead-letter");
    /** SRMSG18206 "Unable to write to Kafka from channel c ..." and SRMSG18212 "... from channel 'c' ... nacking". */
    private static final Pattern PER_SEND = Pattern.compile(
            "^(?:SRMSG18206: Unable to write to Kafka from channel (?<unable>\\S+) |SRMSG18212: .* from channel "
                    + "'(?<nacked>[^']*)' was not sent)",
            Pattern.DOTALL);

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message == null || !message.startsWith("SRMSG182")) {
            return true;
        }
        Matcher matcher = PER_SEND.matcher(message);
        if (!matcher.find()) {
            return true;
        }
        String channel = matcher.group("unable") != null ? matcher.group("unable") : matcher.group("nacked");
        return !CHANNELS.contains(channel);
    }
}

package ai.spideriq.tracker.intake;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes rejected submissions to the dead-letter topic through its own channel, so that a write that fails is this
 * class's to handle: the connector's {@code dead-letter-queue} strategy fails the whole input channel when its write
 * fails, and a record too large for the producer would then stop intake at every restart. A copy that does not fit
 * the limit is truncated; one the broker refuses for its size is retried once small; one that still cannot be written
 * (topic missing, not writable) is logged once with its partition and offset, counted, and skipped.
 */
@ApplicationScoped
public class DeadLetterWriter {

    public static final String CHANNEL = "dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final MutinyEmitter<byte[]> emitter;
    private final TrackerMetrics metrics;
    private final int maxBytes;
    private final int prefixBytes;

    public DeadLetterWriter(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, TrackerMetrics metrics,
            TrackerConfig config) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.maxBytes = config.intake().deadLetterMaxBytes();
        this.prefixBytes = config.intake().maxRecordBytes();
    }

    /** Dead-letters the record; never fails: when no copy can be written, the record is logged and counted. */
    public Uni<Void> write(IncomingKafkaRecordMetadata<byte[], byte[]> record, byte[] value,
            RejectedSubmission rejected) {
        Headers reason = reasonHeaders(record.getTopic(), record.getPartition(), record.getOffset(), rejected);
        DeadLetterCopy copy = DeadLetterCopy.of(record.getKey(), value, record.getHeaders(), reason, maxBytes,
                prefixBytes);
        String code = rejected.reason().wireName();
        return send(copy, code)
                .onFailure(RecordTooLargeException.class).recoverWithUni(tooLarge -> send(
                        DeadLetterCopy.small(record.getKey(), value, reason, describe(tooLarge)), code))
                .onFailure().recoverWithItem(failure -> {
                    metrics.intake().deadLetterFailed(code);
                    LOG.errorf("Could not dead-letter the rejected record %s-%d@%d (%s, %d bytes): %s. It is "
                            + "skipped; its offset is committed.", LogSafe.escaped(record.getTopic(), 100),
                            record.getPartition(), record.getOffset(), code, value == null ? 0 : value.length,
                            describe(failure));
                    return null;
                });
    }

    private Uni<Void> send(DeadLetterCopy copy, String code) {
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]> builder()
                .withKey(copy.key()).withHeaders(copy.headers()).build();
        return emitter.sendMessage(Message.of(copy.value(), Metadata.of(metadata)))
                .invoke(() -> {
                    if (copy.truncated()) {
                        metrics.intake().deadLetterTruncated(code);
                    }
                });
    }

    /** The service's own headers on a dead letter; each name is reserved in {@link DeadLetterHeaders}. */
    static Headers reasonHeaders(String topic, int partition, long offset, RejectedSubmission rejected) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.REJECTION_REASON, rejected.reason().wireName());
        add(headers, DeadLetterHeaders.REASON, rejected.getMessage());
        add(headers, DeadLetterHeaders.EXCEPTION_CLASS, RejectedSubmission.class.getName());
        add(headers, DeadLetterHeaders.TOPIC, topic);
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
        return headers;
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + LogSafe.escaped(String.valueOf(failure.getMessage()), 300);
    }
}

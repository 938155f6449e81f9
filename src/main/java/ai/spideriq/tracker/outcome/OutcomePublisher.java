package ai.spideriq.tracker.outcome;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.Outcomes;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outcomes to the completed, failed and cancelled topics, keyed by job ID, retrying for
 * {@code spideriq.outcomes.publish-retry-for}. The value is encoded here, not by a serializer, so that its size is
 * known before the send: an outcome too large for the topics goes out as the explicit partial outcome instead of
 * failing.
 */
@ApplicationScoped
public class OutcomePublisher implements Outcomes {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    /** Header carrying the job type, for consumers that route without parsing the value. */
    public static final String JOB_TYPE_HEADER = "spideriq-job-type";
    /** Header present (value {@code true}) on a partial outcome, for consumers that route without parsing. */
    public static final String PARTIAL_HEADER = "spideriq-partial";
    private static final Logger LOG = Logger.getLogger(OutcomePublisher.class);

    private final MutinyEmitter<byte[]> completed;
    private final MutinyEmitter<byte[]> failed;
    private final MutinyEmitter<byte[]> cancelled;
    private final OutcomeEncoder encoder;
    private final TrackerMetrics metrics;
    private final WriteRetry retry;
    private final Duration retryFor;

    @Inject
    public OutcomePublisher(
            @Channel(COMPLETED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<byte[]> completed,
            @Channel(FAILED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<byte[]> failed,
            @Channel(CANCELLED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<byte[]> cancelled,
            OutcomeEncoder encoder, TrackerMetrics metrics, TrackerConfig config) {
        this(completed, failed, cancelled, encoder, metrics, config.outcomes().publishRetryFor());
    }

    OutcomePublisher(MutinyEmitter<byte[]> completed, MutinyEmitter<byte[]> failed, MutinyEmitter<byte[]> cancelled,
            OutcomeEncoder encoder, TrackerMetrics metrics, Duration retryFor) {
        this.completed = completed;
        this.failed = failed;
        this.cancelled = cancelled;
        this.encoder = encoder;
        this.metrics = metrics;
        this.retry = new WriteRetry(metrics.publish());
        this.retryFor = retryFor;
    }

    /** The topic's short name ({@code completed}, {@code failed}, {@code cancelled}), as metrics tag it. */
    public static String channelOf(JobOutcome outcome) {
        return switch (outcome.status()) {
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
        };
    }

    @Override
    public Uni<Void> publish(TrackedJob job, Ending ending, Instant endedAt) {
        JobOutcome outcome = JobOutcome.of(job, ending, endedAt);
        String topic = channelOf(outcome);
        return retry.bounded(publishOnce(job, outcome), topic, "the outcome", job.jobId(), retryFor)
                .onFailure().invoke(() -> metrics.publish().unpublished(topic, 1));
    }

    /**
     * Completes when the broker has acknowledged the outcome. When the topic refuses it as too large although it
     * should fit (a topic with a smaller {@code max.message.bytes} than configured), the outcome without its data
     * goes out instead; other failures fail it.
     */
    private Uni<Void> publishOnce(TrackedJob job, JobOutcome outcome) {
        Map<String, String> headers = new HashMap<>(job.headers());
        if (outcome.type() != null) {
            headers.put(JOB_TYPE_HEADER, outcome.type());
        }
        OutcomeEncoder.Encoded encoded = encoder.encode(outcome, OutcomeEncoder.headerBytes(headers) + 64);
        return send(outcome, headers, encoded)
                .onFailure(RecordTooLargeException.class).recoverWithUni(tooLarge -> {
                    LOG.warnf("The %s topic refused the outcome of job %s as too large (%d bytes before compression):"
                            + " check that spideriq.outcomes.max-record-bytes matches the topic's max.message.bytes;"
                            + " sending it without its data", channelOf(outcome), outcome.jobId(),
                            encoded.value().length);
                    return send(outcome, headers, encoder.withoutData(outcome, encoded.wholeBytes()));
                });
    }

    private Uni<Void> send(JobOutcome outcome, Map<String, String> headers, OutcomeEncoder.Encoded encoded) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((key, value) -> recordHeaders.add(key, value.getBytes(StandardCharsets.UTF_8)));
        if (encoded.partial()) {
            recordHeaders.add(PARTIAL_HEADER, "true".getBytes(StandardCharsets.UTF_8));
        }
        Message<byte[]> message = Message.of(encoded.value()).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(outcome.jobId().toString()).withHeaders(recordHeaders).build());
        MutinyEmitter<byte[]> emitter = switch (outcome.status()) {
            case COMPLETED -> completed;
            case CANCELLED -> cancelled;
            case FAILED -> failed;
        };
        return emitter.sendMessage(message).invoke(() -> {
            if (encoded.partial()) {
                metrics.partialOutcome(outcome.type());
                LOG.warnf("Published a partial outcome of job %s: %d bytes whole, more than the %s topic takes; left "
                        + "out %s, which GET /api/v1/jobs/%s/results returns", outcome.jobId(), encoded.wholeBytes(),
                        channelOf(outcome), encoded.omitted(), outcome.jobId());
            }
        });
    }
}

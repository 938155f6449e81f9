package ai.spideriq.tracker.outcome;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes outcomes to the completed, failed and cancelled topics, keyed by job ID. */
@ApplicationScoped
public class OutcomePublisher {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    /** Header carrying the job type, for consumers that route without parsing the value. */
    public static final String JOB_TYPE_HEADER = "spideriq-job-type";

    private final MutinyEmitter<JobOutcome> completed;
    private final MutinyEmitter<JobOutcome> failed;
    private final MutinyEmitter<JobOutcome> cancelled;

    public OutcomePublisher(
            @Channel(COMPLETED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<JobOutcome> completed,
            @Channel(FAILED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<JobOutcome> failed,
            @Channel(CANCELLED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<JobOutcome> cancelled) {
        this.completed = completed;
        this.failed = failed;
        this.cancelled = cancelled;
    }

    /** Completes when the broker has acknowledged the outcome. */
    public Uni<Void> publish(TrackedJob job, JobOutcome outcome) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> header : job.headers().entrySet()) {
            headers.add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        if (outcome.type() != null) {
            headers.add(JOB_TYPE_HEADER, outcome.type().getBytes(StandardCharsets.UTF_8));
        }
        Message<JobOutcome> message = Message.of(outcome).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(outcome.jobId().toString()).withHeaders(headers).build());
        MutinyEmitter<JobOutcome> emitter = switch (outcome.status()) {
            case COMPLETED -> completed;
            case CANCELLED -> cancelled;
            case FAILED -> failed;
        };
        return emitter.sendMessage(message);
    }
}

package ai.spideriq.tracker.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.tracking.JobTracker;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes {@code spideriq.jobs.submitted}. A valid submission is acknowledged (its offset may be committed) as soon
 * as the job is durably registered in flight, so a job that runs for hours never holds back the commits of the
 * records after it. A bad record is nacked to the dead-letter topic with its reason, and consumption goes on.
 */
@ApplicationScoped
public class SubmissionConsumer {

    public static final String CHANNEL = "submitted";
    /** Header on dead-lettered records with the reason code, e.g. {@code invalid_job_id}. */
    public static final String REJECTION_REASON_HEADER = "spideriq-rejection-reason";
    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    private final SubmissionParser parser;
    private final JobTracker tracker;
    private final TrackerMetrics metrics;
    private final Set<String> passThrough;

    public SubmissionConsumer(ObjectMapper mapper, JobTracker tracker, TrackerMetrics metrics, TrackerConfig config) {
        this.parser = new SubmissionParser(config.intake().maxRecordBytes());
        this.tracker = tracker;
        this.metrics = metrics;
        this.passThrough = config.outcomes().passThroughHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow();
        Submission submission;
        try {
            submission = parser.parse(record.getKey(), message.getPayload());
        } catch (RejectedSubmission rejected) {
            return deadLetter(message, record, rejected);
        }
        return tracker.register(submission.jobId(), submission.type(), record.getPartition(), record.getOffset(),
                passThrough(record))
                .invoke(registration -> metrics.submission(registration.tag()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> deadLetter(Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record,
            RejectedSubmission rejected) {
        String reason = rejected.reason().code();
        metrics.deadLettered(reason);
        LOG.warnf("Rejected record %s-%d@%d to the dead-letter topic: %s", record.getTopic(), record.getPartition(),
                record.getOffset(), rejected.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add(REJECTION_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().completionStage(message.nack(rejected,
                Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build())));
    }

    /** The submitter's correlation and trace headers, which its outcome carries back. */
    private Map<String, String> passThrough(IncomingKafkaRecordMetadata<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.getHeaders()) {
            if (header.value() != null && passThrough.contains(header.key().toLowerCase(Locale.ROOT))) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}

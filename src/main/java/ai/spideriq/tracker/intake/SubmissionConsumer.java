package ai.spideriq.tracker.intake;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.tracking.JobTracker;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consumes {@code spideriq.jobs.submitted}. A valid submission is acknowledged (its offset may be committed) as soon
 * as the job is durably registered in flight, so a job that runs for hours never holds back the commits of the
 * records after it. A bad record is written to the dead-letter topic with its reason (or, when even that fails,
 * logged and counted) and then acknowledged: no record can stop intake, at this start or the next.
 */
@ApplicationScoped
public class SubmissionConsumer {

    public static final String CHANNEL = "submitted";
    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    private final SubmissionParser parser;
    private final JobTracker tracker;
    private final TrackerMetrics metrics;
    private final Set<String> passThrough;
    private final DeadLetterWriter deadLetters;
    private final RejectionLog rejections;

    public SubmissionConsumer(JobTracker tracker, TrackerMetrics metrics, TrackerConfig config,
            DeadLetterWriter deadLetters) {
        this.parser = new SubmissionParser(config.intake().maxRecordBytes());
        this.tracker = tracker;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.rejections = new RejectionLog(InstantSource.system(), config.intake().rejectionsLogged(),
                config.intake().rejectionLogInterval(), LOG::warn);
        this.passThrough = config.outcomes().passThroughHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Logs the counts of a {@code rejection-log-interval} that is over even when no record came since: checked every
     * second, so that line comes at most a second late whatever the interval. A lock and a clock reading when there
     * is nothing to log, so on the event loop, like the rejections it counts.
     */
    @Scheduled(identity = "spideriq-rejection-log-flush", every = "1s", concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    @NonBlocking
    void flushRejectionLog() {
        rejections.tick();
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<byte[], byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow();
        Submission submission;
        try {
            submission = parser.parse(record.getKey(), message.getPayload());
        } catch (RejectedSubmission rejected) {
            return deadLetter(message, record, rejected);
        }
        return tracker.register(submission.jobId(), submission.type(), record.getPartition(), record.getOffset(),
                passThrough(record))
                .invoke(registration -> metrics.intake().submission(registration.wireName()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> deadLetter(Message<byte[]> message, IncomingKafkaRecordMetadata<byte[], byte[]> record,
            RejectedSubmission rejected) {
        String reason = rejected.reason().wireName();
        metrics.intake().deadLettered(reason);
        // The message is built from quoted, escaped parts; escaping again keeps any future detail just as safe.
        rejections.rejected(reason, String.format("Rejected record %s-%d@%d to the dead-letter topic: %s",
                LogSafe.escaped(record.getTopic(), 100), record.getPartition(), record.getOffset(),
                LogSafe.escaped(rejected.getMessage(), 300)));
        return deadLetters.write(record, message.getPayload(), rejected)
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    /** The submitter's correlation and trace headers, which its outcome carries back. */
    private Map<String, String> passThrough(IncomingKafkaRecordMetadata<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.getHeaders()) {
            if (header.value() != null && passThrough.contains(header.key().toLowerCase(Locale.ROOT))) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}

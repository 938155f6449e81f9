package ai.spideriq.tracker.intake;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.tracking.JobTracker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Vertx;

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
    private final Vertx vertx;
    private final TrackerConfig.Intake intake;
    private long timer = -1;

    public SubmissionConsumer(JobTracker tracker, TrackerMetrics metrics, TrackerConfig config,
            DeadLetterWriter deadLetters, Vertx vertx) {
        this.parser = new SubmissionParser(config.intake().maxRecordBytes());
        this.tracker = tracker;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.vertx = vertx;
        this.intake = config.intake();
        this.rejections = new RejectionLog(InstantSource.system(), intake.rejectionsLogged(),
                intake.rejectionLogInterval(), LOG::warn);
        this.passThrough = config.outcomes().passThroughHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1000, intake.rejectionLogInterval().toMillis() / 4),
                id -> rejections.tick());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
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
                .invoke(registration -> metrics.submission(registration.wireName()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> deadLetter(Message<byte[]> message, IncomingKafkaRecordMetadata<byte[], byte[]> record,
            RejectedSubmission rejected) {
        String reason = rejected.reason().wireName();
        metrics.deadLettered(reason);
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

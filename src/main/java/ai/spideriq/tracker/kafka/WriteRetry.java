package ai.spideriq.tracker.kafka;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.metrics.PublishMetrics;
import io.smallrye.mutiny.Uni;

/**
 * Retries one job's Kafka write with backoff, counting every failed attempt by topic and reason, and logging the
 * first failure of the job (with the reason) and how it ended: never a line per attempt, never silence.
 */
public final class WriteRetry {

    private static final Logger LOG = Logger.getLogger(WriteRetry.class);
    private static final Duration MIN = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    private final PublishMetrics metrics;

    public WriteRetry(PublishMetrics metrics) {
        this.metrics = metrics;
    }

    /** Retries while retrying can help, for at most {@code retryFor}; then fails with the last failure. */
    public <T> Uni<T> bounded(Uni<T> write, String topic, String what, UUID jobId, Duration retryFor) {
        AtomicInteger failures = new AtomicInteger();
        return logged(write, topic, what, jobId, failures,
                e -> retryable(e) ? "retrying for up to " + retryFor.toSeconds() + " s" : "retrying cannot help")
                .onFailure(WriteRetry::retryable).retry().withBackOff(MIN, MAX).expireIn(retryFor.toMillis())
                .onFailure().invoke(e -> LOG.errorf("Gave up writing %s of job %s to %s after %d attempt(s): %s",
                        what, jobId, topic, failures.get(), describe(e)));
    }

    /** Retries for as long as it takes: for writes that hold their input until they succeed (registration). */
    public <T> Uni<T> indefinitely(Uni<T> write, String topic, String what, UUID jobId) {
        AtomicInteger failures = new AtomicInteger();
        // Even a record too large is retried: the topic's limit can be raised, and its input must not be lost.
        return logged(write, topic, what, jobId, failures, e -> "retrying until Kafka takes it").onFailure().retry()
                .withBackOff(MIN, MAX).indefinitely();
    }

    private <T> Uni<T> logged(Uni<T> write, String topic, String what, UUID jobId, AtomicInteger failures,
            Function<Throwable, String> plan) {
        return write.onFailure().invoke(e -> {
            metrics.writeFailed(topic, reason(e));
            if (failures.incrementAndGet() == 1) {
                LOG.warnf("Could not write %s of job %s to %s (%s), %s: %s", what, jobId, topic, reason(e),
                        plan.apply(e), describe(e));
            }
        }).invoke(() -> {
            if (failures.get() > 0) {
                LOG.infof("Wrote %s of job %s to %s after %d failed attempt(s)", what, jobId, topic, failures.get());
            }
        });
    }

    /** One of {@link PublishMetrics#REASONS}, from the cause chain. */
    public static String reason(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof RecordTooLargeException) {
                return "record_too_large";
            }
            if (e instanceof AuthorizationException) {
                return "authorization";
            }
            if (e instanceof UnknownTopicOrPartitionException
                    || (e instanceof TimeoutException && String.valueOf(e.getMessage()).contains("not present in metadata"))) {
                return "unknown_topic";
            }
            if (e instanceof TimeoutException || e instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
            if (e instanceof SerializationException) {
                return "serialization";
            }
        }
        return "other";
    }

    /** A record too large or not serializable fails the same way every time. */
    static boolean retryable(Throwable failure) {
        String reason = reason(failure);
        return !reason.equals("record_too_large") && !reason.equals("serialization");
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + " (cause: " + root + ")";
    }
}

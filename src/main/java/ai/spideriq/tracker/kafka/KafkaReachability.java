package ai.spideriq.tracker.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.jboss.logging.Logger;

/**
 * Whether this replica can reach the Kafka cluster, from the answers {@link KafkaReachabilityProbe} gets: reachable
 * while some broker has answered within {@code spideriq.kafka.unreachable-after}. Logs each change once, so an outage
 * gives two lines, not one per attempt.
 * <p>
 * Answers arrive on the Admin client's thread and checks on the event loop, hence the synchronized changes.
 */
public final class KafkaReachability {

    private static final Logger LOG = Logger.getLogger(KafkaReachability.class);

    private final InstantSource clock;
    private final Duration unreachableAfter;
    private final String bootstrap;
    // Start-up waited for a broker to answer (InFlightTopic), so the silence is counted from then.
    private volatile Instant lastAnswer;
    /** Why the last question since the last answer failed; null while none has (it may still be waiting). */
    private String lastFailure;
    private boolean reported = true;

    public KafkaReachability(InstantSource clock, Duration unreachableAfter, String bootstrap) {
        this.clock = clock;
        this.unreachableAfter = unreachableAfter;
        this.bootstrap = bootstrap;
        this.lastAnswer = clock.instant();
    }

    /** Whether a broker has answered within {@code unreachable-after}. */
    public boolean reachable() {
        return silence().compareTo(unreachableAfter) <= 0;
    }

    /** Since the last answer of any broker. */
    public Duration silence() {
        Duration silence = Duration.between(lastAnswer, clock.instant());
        return silence.isNegative() ? Duration.ZERO : silence;
    }

    /** A broker answered. */
    public synchronized void answered() {
        Instant now = clock.instant();
        Duration away = Duration.between(lastAnswer, now);
        lastAnswer = now;
        lastFailure = null;
        if (!reported) {
            reported = true;
            LOG.infof("Kafka is reachable again at %s after %d s without an answer; readiness is UP", bootstrap,
                    away.toSeconds());
        }
    }

    /** A question went unanswered; only its reason is kept, for the log line if the silence lasts. */
    public synchronized void failed(Throwable failure) {
        lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        check();
    }

    /** Logs the change to unreachable once the silence has lasted {@code unreachable-after}. */
    public synchronized void check() {
        if (reported && !reachable()) {
            reported = false;
            LOG.warnf("Kafka is not reachable at %s: no broker has answered for %d s (%s). Readiness is DOWN "
                    + "until one does; submissions wait unacknowledged and outcomes are retried meanwhile", bootstrap,
                    silence().toSeconds(), lastFailure == null ? "the last question is still unanswered"
                            : "last failure: " + lastFailure);
        }
    }
}

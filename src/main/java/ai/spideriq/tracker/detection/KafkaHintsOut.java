package ai.spideriq.tracker.detection;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Publishes hints to the hints topic without waiting: a write that fails is counted
 * ({@code spideriq_kafka_write_failures_total{topic="hints"}}) and logged once per reason until writes succeed
 * again, and never holds detection back; the others then poll on their own plan.
 */
@ApplicationScoped
public class KafkaHintsOut implements HintsOut {

    public static final String CHANNEL = "hints-out";
    static final String TOPIC_TAG = "hints";
    private static final Logger LOG = Logger.getLogger(KafkaHintsOut.class);

    private final MutinyEmitter<Record<String, String>> emitter;
    private final ObjectMapper mapper;
    private final TrackerMetrics metrics;
    private final String instance;
    /** Reasons of the failures logged since the last write that succeeded. */
    private final Set<String> logged = new HashSet<>();

    public KafkaHintsOut(
            // A full buffer (Kafka away) fails the send, which is counted: hints are dropped, never waited for.
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<Record<String, String>> emitter,
            ObjectMapper mapper, TrackerMetrics metrics, @ConfigProperty(name = "quarkus.uuid") String instance) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.metrics = metrics;
        this.instance = instance;
    }

    /** The ID this replica signs its hints with; it ignores what it reads back of its own. */
    public String instance() {
        return instance;
    }

    @Override
    public void publish(Hint hint) {
        Hint signed = hint.from(instance);
        try {
            String json = mapper.writeValueAsString(signed);
            emitter.send(Record.of(signed.key(), json)).subscribe().with(ignored -> written(signed),
                    failure -> failed(signed, WriteRetry.reason(failure), failure));
        } catch (JsonProcessingException | RuntimeException e) {
            failed(signed, e instanceof JsonProcessingException ? "serialization" : WriteRetry.reason(e), e);
        }
    }

    private void written(Hint hint) {
        metrics.detection().hintPublished(hint.kind());
        synchronized (logged) {
            if (!logged.isEmpty()) {
                logged.clear();
                LOG.info("Hints are written to the hints topic again");
            }
        }
    }

    private void failed(Hint hint, String reason, Throwable failure) {
        metrics.publish().writeFailed(TOPIC_TAG, reason);
        synchronized (logged) {
            if (logged.add(reason)) {
                LOG.warnf("Could not write a hint (%s) to the hints topic (%s: %s); detection goes on, the other "
                        + "replicas poll on their plan meanwhile", hint.kind(), reason, failure.getMessage());
            }
        }
    }
}

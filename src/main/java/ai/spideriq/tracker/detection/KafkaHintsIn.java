package ai.spideriq.tracker.detection;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.metrics.TrackerMetrics;

/**
 * Reads the hints topic as a broadcast: every replica has a group of its own and starts at the end (hints are only
 * worth their freshness), and commits nothing. A record that is not a hint is counted and skipped.
 */
@ApplicationScoped
public class KafkaHintsIn {

    public static final String CHANNEL = "hints";
    private static final Logger LOG = Logger.getLogger(KafkaHintsIn.class);

    private final HintsReceiver receiver;
    private final ObjectMapper mapper;
    private final TrackerMetrics metrics;

    public KafkaHintsIn(HintsReceiver receiver, ObjectMapper mapper, TrackerMetrics metrics) {
        this.receiver = receiver;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public void receive(String value) {
        try {
            receiver.receive(mapper.readValue(value, Hint.class));
        } catch (Exception e) {
            metrics.detection().hintReceived("invalid");
            LOG.debugf("Skipped a record of the hints topic that is not a hint (%s)", e.getClass().getSimpleName());
        }
    }
}

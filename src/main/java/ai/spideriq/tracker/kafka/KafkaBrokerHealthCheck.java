package ai.spideriq.tracker.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while no Kafka broker answers. Readiness only: a tracker waiting for Kafka loses nothing and comes back by
 * itself, so restarting it (what a failed liveness check leads to) would not help. Costs no request: it reads the
 * last answer of {@link KafkaReachabilityProbe}.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealthCheck implements HealthCheck {

    private final KafkaReachability reachability;

    public KafkaBrokerHealthCheck(KafkaReachability reachability) {
        this.reachability = reachability;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-broker")
                .withData("seconds_since_last_answer", reachability.silence().toSeconds())
                .status(reachability.reachable()).build();
    }
}

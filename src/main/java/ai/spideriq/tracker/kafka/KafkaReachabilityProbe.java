package ai.spideriq.tracker.kafka;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;

/**
 * Asks the Kafka cluster to describe itself every {@code spideriq.kafka.reachability-interval}: one small Admin
 * request, sent from a Vert.x timer without blocking it (the Admin client's one network thread does the waiting), at
 * most one at a time. {@link KafkaReachability} keeps the answers for readiness and {@code spideriq_kafka_reachable}.
 * <p>
 * Needed because the messaging channels' own readiness stays UP while the brokers are away after start-up.
 */
@ApplicationScoped
public class KafkaReachabilityProbe {

    private final Vertx vertx;
    private final TrackerConfig.Kafka config;
    private final Map<String, Object> kafka;
    private final KafkaReachability reachability;
    private final AtomicBoolean asking = new AtomicBoolean();
    private Admin admin;
    private long timer = -1;

    public KafkaReachabilityProbe(Vertx vertx, TrackerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.vertx = vertx;
        this.config = config.kafka();
        this.kafka = kafka;
        this.reachability = new KafkaReachability(InstantSource.system(), this.config.unreachableAfter(),
                String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)));
    }

    @Produces
    @Singleton
    KafkaReachability reachability() {
        return reachability;
    }

    void onStart(@Observes StartupEvent event, TrackerMetrics metrics) {
        Map<String, Object> adminConfig = new HashMap<>(kafka);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "spideriq-tracker-reachability");
        admin = Admin.create(adminConfig);
        metrics.kafkaReachableGauge(reachability::reachable);
        probe();
        timer = vertx.setPeriodic(config.reachabilityInterval().toMillis(), id -> probe());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private void probe() {
        reachability.check();
        if (!asking.compareAndSet(false, true)) {
            // The previous question is still out (it waits for a broker up to unreachable-after).
            return;
        }
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) config.unreachableAfter().toMillis()))
                .clusterId().whenComplete((clusterId, failure) -> {
                    asking.set(false);
                    if (failure == null) {
                        reachability.answered();
                    } else {
                        reachability.failed(failure);
                    }
                });
    }
}

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
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Asks the Kafka cluster to describe itself at start-up and every {@code spideriq.kafka.reachability-interval}: one
 * small Admin request, sent from the event loop without blocking it (the Admin client's one network thread does the
 * waiting), at most one at a time. Each tick also checks how long the brokers have been silent, even while a question
 * is still out, so readiness goes DOWN on time. {@link KafkaReachability} keeps the answers for readiness and
 * {@code spideriq_kafka_reachable}.
 * <p>
 * Needed because the messaging channels' own readiness stays UP while the brokers are away after start-up.
 */
@ApplicationScoped
public class KafkaReachabilityProbe {

    private final TrackerConfig.Kafka config;
    private final Map<String, Object> kafka;
    private final KafkaReachability reachability;
    private final AtomicBoolean asking = new AtomicBoolean();
    /** Created at start-up, closed at shutdown; null outside, when there is nothing to ask with. */
    private volatile Admin admin;

    public KafkaReachabilityProbe(TrackerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
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
    }

    void onStop(@Observes ShutdownEvent event) {
        Admin closing = admin;
        admin = null;
        if (closing != null) {
            closing.close(Duration.ofSeconds(1));
        }
    }

    /** On the event loop (it never waits); only while the application runs, and the Admin client is open. */
    @Scheduled(identity = "spideriq-kafka-reachability", every = "${spideriq.kafka.reachability-interval}", delayed = "${spideriq.kafka.reachability-interval}", concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    @NonBlocking
    void probe() {
        Admin admin = this.admin;
        if (admin == null) {
            return;
        }
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

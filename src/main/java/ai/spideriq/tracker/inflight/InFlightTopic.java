package ai.spideriq.tracker.inflight;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the internal in-flight topic at start-up when it is absent, as Kafka Streams does with its changelogs:
 * compacted, with as many partitions as the input topic. Runs before the messaging channels connect (they start at
 * priority 1000), because the first partition assignment reads this topic.
 */
@ApplicationScoped
public class InFlightTopic {

    private static final Logger LOG = Logger.getLogger(InFlightTopic.class);
    private static final Duration INPUT_WAIT = Duration.ofSeconds(60);
    private static final Duration BROKER_WAIT = Duration.ofSeconds(30);

    void onStart(@Observes @Priority(500) StartupEvent event, TrackerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) throws Exception {
        String input = config.topics().submitted();
        String inFlight = config.topics().inFlight();
        Map<String, Object> adminConfig = new HashMap<>(kafka);
        // Fewer "could not connect" warnings while the broker is awaited; the outcome is said once below.
        adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(adminConfig)) {
            awaitBroker(admin, String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)));
            int partitions = awaitPartitions(admin, input)
                    .orElseThrow(() -> new IllegalStateException("Input topic '" + input + "' does not exist after "
                            + INPUT_WAIT.toSeconds() + " s: create it (or check KAFKA_BOOTSTRAP_SERVERS and "
                            + "SPIDERIQ_TOPICS_SUBMITTED); the in-flight topic is partitioned like it"));
            Optional<Integer> existing = partitionsOf(admin, inFlight);
            if (existing.isEmpty()) {
                create(admin, inFlight, partitions, config.kafka().inFlightReplicationFactor());
            } else if (existing.get() != partitions) {
                throw new IllegalStateException("In-flight topic '" + inFlight + "' has " + existing.get()
                        + " partitions but input topic '" + input + "' has " + partitions
                        + ": they must be co-partitioned; add partitions to the in-flight topic to match");
            }
        }
    }

    /** Fails with one line naming the address when no broker answers: the usual cause is a wrong address. */
    private static void awaitBroker(Admin admin, String bootstrap) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) BROKER_WAIT.toMillis())).clusterId()
                    .get(BROKER_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new KafkaUnreachableException("Kafka is not reachable at " + bootstrap + ": no broker answered within "
                    + BROKER_WAIT.toSeconds() + " s (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + "). Check KAFKA_BOOTSTRAP_SERVERS (kafka.bootstrap.servers) and that the brokers are up and "
                    + "reachable from here; the tracker exits and starts again when restarted");
        }
    }

    /** Start-up without Kafka: the message says it all, so no stack trace is kept. */
    static final class KafkaUnreachableException extends IllegalStateException {
        KafkaUnreachableException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static void create(Admin admin, String topic, int partitions, short replication) throws Exception {
        NewTopic newTopic = new NewTopic(topic, Optional.of(partitions),
                replication > 0 ? Optional.of(replication) : Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("Created in-flight topic '%s' (compacted, %d partitions)", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Another replica created it first: fine.
        }
    }

    private static Optional<Integer> awaitPartitions(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + INPUT_WAIT.toNanos();
        Optional<Integer> partitions = partitionsOf(admin, topic);
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            LOG.warnf("Waiting for input topic '%s' to exist", topic);
            TimeUnit.SECONDS.sleep(2);
            partitions = partitionsOf(admin, topic);
        }
        return partitions;
    }

    private static Optional<Integer> partitionsOf(Admin admin, String topic) throws Exception {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        if (!names.contains(topic)) {
            return Optional.empty();
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic);
        return Optional.of(description.partitions().size());
    }
}

package ai.spideriq.tracker.inflight;

import java.time.Duration;
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

    void onStart(@Observes @Priority(500) StartupEvent event, TrackerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) throws Exception {
        String input = config.topics().submitted();
        String inFlight = config.topics().inFlight();
        try (Admin admin = Admin.create(kafka)) {
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

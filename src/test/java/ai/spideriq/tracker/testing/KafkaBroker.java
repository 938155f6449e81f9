package ai.spideriq.tracker.testing;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * One real Kafka broker for the whole test JVM: Testcontainers Kafka where a Docker engine answers, an in-JVM KRaft
 * broker where none does. Topic auto-creation is off, as on production clusters, so the tests prove the service
 * creates its own internal topic. Shared by every Quarkus test and by the packaged-service tests, and stopped at exit.
 * Tests talk to it through one {@link KafkaCompanion} ({@link #companion()}); this class adds the broker itself.
 */
public final class KafkaBroker {

    public static final String SUBMITTED = "spideriq.jobs.submitted";
    public static final int SUBMITTED_PARTITIONS = 3;
    public static final List<String> OUTPUT_TOPICS = List.of("spideriq.jobs.submitted.dlq", "spideriq.jobs.completed",
            "spideriq.jobs.failed", "spideriq.jobs.cancelled");
    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final String IMAGE = "apache/kafka:4.1.1";
    private static String bootstrapServers;
    private static KafkaCompanion companion;

    private KafkaBroker() {
    }

    /** The bootstrap address of the shared broker, starting it and creating the topics on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = dockerAvailable() ? startContainer() : startInJvm();
            createTopics();
        }
        return bootstrapServers;
    }

    /** The companion on the shared broker, for the whole test JVM: never closed, the broker outlives every test. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers(), Duration.ofSeconds(30));
        }
        return companion;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer(IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        LOG.infof("Kafka broker in a container at %s", container.getBootstrapServers());
        return container.getBootstrapServers();
    }

    private static String startInJvm() {
        try {
            // Its own directory: the kit's default one can be deleted by a shutdown hook while the broker still writes.
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("spideriq-test-kafka-");
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(directory)
                    .build())
                    .setDeleteOnClose(true)
                    // One node: the internal topics' default replication of 3 would never be met.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    LOG.warn("Kafka test broker did not close cleanly", e);
                }
            }));
            LOG.infof("Kafka broker in this JVM (no Docker engine) at %s", cluster.bootstrapServers());
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    /** Created up front: a consumer that subscribes before its topic exists can wait minutes for metadata. */
    private static void createTopics() {
        List<NewTopic> topics = new java.util.ArrayList<>();
        topics.add(new NewTopic(SUBMITTED, SUBMITTED_PARTITIONS, (short) 1));
        OUTPUT_TOPICS.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
        companion().topics().create(topics);
    }
}

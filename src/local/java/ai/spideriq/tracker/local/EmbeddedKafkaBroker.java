package ai.spideriq.tracker.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import kafka.server.BrokerServer;

/**
 * A real one-node KRaft broker in this JVM, from Kafka's own test kit ({@code kafka-test-common-runtime}, a
 * {@code provided} dependency: on the dev class path, never in the production artifact).
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts a broker that advertises {@code localhost:<advertisedPort>}. The kit listens on an ephemeral port of its
     * own ({@link #listeningPort()}); something must forward the advertised port to it.
     */
    static EmbeddedKafkaBroker start(int advertisedPort) throws Exception {
        // Our own directory: the kit's default one is deleted by a JVM shutdown hook while the broker still writes.
        Path directory = Files.createTempDirectory("spideriq-local-kafka-");
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(directory).build())
                .setDeleteOnClose(true)
                // What the broker advertises in metadata, so every client comes back through the forwarded port.
                .setConfigProp("listeners", "EXTERNAL://localhost:" + advertisedPort + ",CONTROLLER://localhost:0")
                // One node: the internal topics' default replication of 3 would never be met.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaBroker(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The ephemeral port the broker really listens on: the kit binds it before the broker starts, and the broker's
     * {@code boundPort} answers the configured (advertised) port instead, so ask its socket.
     */
    int listeningPort() throws IOException {
        BrokerServer broker = cluster.brokers().values().iterator().next();
        String listener = cluster.nodes().brokerListenerName().value();
        InetSocketAddress address = (InetSocketAddress) broker.socketServer().dataPlaneAcceptor(listener).get()
                .serverChannel().getLocalAddress();
        return address.getPort();
    }

    /** The advertised address. */
    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics that do not exist yet: clients that subscribe before a topic exists can wait minutes. */
    void createTopics(List<NewTopic> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

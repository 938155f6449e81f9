package ai.spideriq.tracker.local;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Starts the embedded Kafka broker in dev mode when {@code kafka.bootstrap.servers} is {@code embedded} (the dev
 * profile's default; {@code KAFKA_BOOTSTRAP_SERVERS} overrides it), creates the service's topics, and publishes the
 * broker's address as the system property {@code kafka.bootstrap.servers}: that outranks
 * {@code application.properties} and is read when the Kafka clients are configured, by {@code InFlightTopic}
 * (priority 500) and the messaging channels (1000), both after this observer. Clients reach the broker through a
 * {@link PortForwarder} on {@code spideriq.local.kafka.port} (9092), so that {@code kcat -b localhost:9092} works.
 */
@IfBuildProfile("dev")
@Singleton
class EmbeddedKafkaStarter {

    static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    static final String EMBEDDED = "embedded";
    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaStarter.class);
    private static final int SUBMITTED_PARTITIONS = 3;

    private final Vertx vertx;
    private PortForwarder forwarder;
    private EmbeddedKafkaBroker broker;

    EmbeddedKafkaStarter(Vertx vertx) {
        this.vertx = vertx;
    }

    void start(@Observes @Priority(100) StartupEvent event, Config config, LocalRunConfig local,
            TrackerConfig tracker) throws Exception {
        String configured = config.getOptionalValue(BOOTSTRAP_SERVERS, String.class).orElse(EMBEDDED);
        if (!EMBEDDED.equals(configured)) {
            LOG.infof("Using the Kafka cluster at %s (kafka.bootstrap.servers); no embedded broker", configured);
            return;
        }
        forwarder = PortForwarder.listen(vertx, local.kafka().port());
        if (forwarder.port() != local.kafka().port()) {
            LOG.warnf("Port %d is taken: the embedded Kafka broker is on port %d instead", local.kafka().port(),
                    forwarder.port());
        }
        broker = EmbeddedKafkaBroker.start(forwarder.port());
        forwarder.forwardTo(broker.listeningPort());
        broker.createTopics(topics(tracker.topics()));
        System.setProperty(BOOTSTRAP_SERVERS, broker.bootstrapServers());
        LOG.infof("Embedded Kafka broker (KRaft, in this JVM) at %s; watch outcomes with: "
                + "kcat -b %s -t %s -C", broker.bootstrapServers(), broker.bootstrapServers(),
                tracker.topics().completed());
    }

    private static List<NewTopic> topics(TrackerConfig.Topics names) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(names.submitted(), SUBMITTED_PARTITIONS, (short) 1));
        for (String output : List.of(names.deadLetter(), names.completed(), names.failed(), names.cancelled())) {
            topics.add(new NewTopic(output, 1, (short) 1));
        }
        return topics;
    }

    /** After the application-scoped beans, the messaging connector among them, have closed their Kafka clients. */
    void stop(@Observes @Destroyed(ApplicationScoped.class) Object event) throws Exception {
        if (broker != null) {
            // A live reload starts a fresh broker: the address must not outlive this one.
            System.clearProperty(BOOTSTRAP_SERVERS);
            broker.close();
            broker = null;
        }
        if (forwarder != null) {
            forwarder.close();
            forwarder = null;
        }
    }
}

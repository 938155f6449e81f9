package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the hints topic at start-up when it is absent: one partition (a few records a second at most) and an hour
 * of retention (a hint is worth only its freshness). Runs after the in-flight topic's check, which has waited for the
 * broker, and before the channels connect. A cluster that refuses to create it costs only the hints: one warning,
 * and every replica polls on its own plan.
 */
@ApplicationScoped
public class HintsTopic {

    static final Duration RETENTION = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(HintsTopic.class);

    void onStart(@Observes @Priority(501) StartupEvent event, TrackerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        String topic = config.topics().hints();
        short replication = config.kafka().inFlightReplicationFactor();
        try (Admin admin = Admin.create(kafka)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            NewTopic hints = new NewTopic(topic, Optional.of(1),
                    replication > 0 ? Optional.of(replication) : Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETENTION.toMillis())));
            admin.createTopics(List.of(hints)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("Created hints topic '%s' (1 partition, %d min retention)", topic, RETENTION.toMinutes());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                warn(topic, e.getCause());
            } // else another replica created it first: fine
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            warn(topic, e);
        }
    }

    private static void warn(String topic, Throwable cause) {
        LOG.warnf("Could not create the hints topic '%s' (%s: %s): replicas that do not detect for the fleet poll on "
                + "their own plan until it exists", topic, cause.getClass().getSimpleName(), cause.getMessage());
    }
}

package ai.spideriq.tracker.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** What tests do to the shared broker's topics and consumer groups, through its KafkaCompanion. */
public final class Topics {

    private Topics() {
    }

    /** Creates a topic with its own configuration unless it exists. */
    public static void create(String name, int partitions, Map<String, String> configs) {
        try {
            kafka().getOrCreateAdminClient().createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(configs))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + name, e);
            }
        }
    }

    /** Sets one configuration entry of a topic, or removes the topic's own value ({@code value} null). */
    public static void setConfig(String topic, String key, String value) {
        AlterConfigOp op = value == null
                ? new AlterConfigOp(new ConfigEntry(key, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
        try {
            kafka().getOrCreateAdminClient().incrementalAlterConfigs(Map.of(new ConfigResource(
                    ConfigResource.Type.TOPIC, topic), List.of(op))).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not set " + key + " of " + topic, e);
        }
    }

    /** The group's commit on partition 0 passes every record written there so far: a restart starts after them. */
    public static void awaitCommittedToTheEnd(String topic, String group) {
        TopicPartition partition = new TopicPartition(topic, 0);
        awaitCommittedPast(group, partition, kafka().offsets().get(partition, OffsetSpec.latest()).offset() - 1);
    }

    /** The group's commit on {@code partition} passes {@code offset}: the record there is done with. */
    public static void awaitCommittedPast(String group, TopicPartition partition, long offset) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            OffsetAndMetadata committed = kafka().consumerGroups().offsets(group, partition);
            return committed != null && committed.offset() > offset;
        });
    }

    private static KafkaCompanion kafka() {
        return KafkaBroker.companion();
    }
}

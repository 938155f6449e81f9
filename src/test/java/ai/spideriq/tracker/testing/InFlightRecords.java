package ai.spideriq.tracker.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A tracker's in-flight topic read the way a restore reads it, from the start: the latest value of a job's key says
 * whether the job is in flight, ended ({@code ended_at}), or gone (a tombstone). Close it when done.
 */
public final class InFlightRecords implements AutoCloseable {

    /** The in-flight topic of the service under test when its profile names none of its own. */
    public static final String DEFAULT_TOPIC = "spideriq.tracker.in-flight";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final ConsumerTask<String, String> records;

    private InFlightRecords(String topic) {
        this.topic = topic;
        this.records = kafka().consumeStrings().withPollTimeout(Duration.ofMillis(100)).fromTopics(topic);
    }

    /** Follows {@code topic} of the shared broker from its start. */
    public static InFlightRecords of(String topic) {
        return new InFlightRecords(topic);
    }

    /**
     * Whether a restart would leave the job alone: its latest record says it ended, or is its tombstone. False while
     * it is in flight and before its first record has been read.
     */
    public boolean endedOrGone(String jobId) {
        ConsumerRecord<String, String> latest = latestRead(jobId);
        return latest != null && (latest.value() == null || json(latest.value()).has("ended_at"));
    }

    /**
     * The job's latest record once everything written to the topic so far has been read; null when it has none or
     * was tombstoned.
     */
    public JsonNode latest(String jobId) {
        Map<TopicPartition, Long> written = kafka().offsets().list(kafka().topics().describe(topic).get(topic)
                .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                        p -> OffsetSpec.latest())))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<TopicPartition, Long> read = records.latestOffsets();
            return written.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || read.getOrDefault(e.getKey(), -1L) >= e.getValue() - 1);
        });
        ConsumerRecord<String, String> latest = latestRead(jobId);
        return latest == null || latest.value() == null ? null : json(latest.value());
    }

    /** The latest record read for the key (a null value for a tombstone), or null when none was read yet. */
    private ConsumerRecord<String, String> latestRead(String jobId) {
        ConsumerRecord<String, String> latest = null;
        for (ConsumerRecord<String, String> record : records.getRecords()) {
            if (jobId.equals(record.key())) {
                latest = record;
            }
        }
        return latest;
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }

    private static KafkaCompanion kafka() {
        return KafkaBroker.companion();
    }

    @Override
    public void close() {
        records.close();
    }
}

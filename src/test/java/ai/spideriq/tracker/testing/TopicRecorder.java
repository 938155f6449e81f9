package ai.spideriq.tracker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Records everything the service writes to its output topics, from the start, for the whole test JVM: tests filter
 * by their own job IDs instead of racing each other for records. A KafkaCompanion consumer task does the reading;
 * this class adds the views and awaiters the tests share.
 */
public final class TopicRecorder {

    public static final String COMPLETED = "spideriq.jobs.completed";
    /** How long a job's outcome is waited for when a test names no bound of its own. */
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicRecorder instance;

    /** One record as a consumer of the topic sees it. */
    public record Seen(String topic, String key, String value, Map<String, String> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(value);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + value, e);
            }
        }

        static Seen of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new HashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            return new Seen(record.topic(), record.key(), record.value(), headers);
        }
    }

    private final ConsumerTask<String, String> records;

    private TopicRecorder(KafkaCompanion kafka, Collection<String> topics) {
        this.records = kafka.consumeStrings().withPollTimeout(Duration.ofMillis(100)).fromTopics(Set.copyOf(topics));
    }

    /** The recorder of the shared broker's output topics. */
    public static synchronized TopicRecorder get() {
        if (instance == null) {
            instance = new TopicRecorder(KafkaBroker.companion(), KafkaBroker.OUTPUT_TOPICS);
        }
        return instance;
    }

    /** A recorder of {@code topics} on another broker, from their start; it stops when {@code kafka} is closed. */
    public static TopicRecorder of(KafkaCompanion kafka, Collection<String> topics) {
        return new TopicRecorder(kafka, topics);
    }

    /** Records on any recorded topic keyed by {@code key}. */
    public List<Seen> forKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(Seen::of).toList();
    }

    /** Records on one topic. */
    public List<Seen> onTopic(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).map(Seen::of).toList();
    }

    /** Those of {@code keys} that have a record (for job IDs: whose outcome is out). */
    public Set<String> withOutcome(Collection<String> keys) {
        Set<String> seen = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        return keys.stream().filter(seen::contains).collect(Collectors.toSet());
    }

    /** The first record keyed by {@code key}, once there is one. */
    public Seen awaitFirst(String key) {
        return awaitFirst(key, OUTCOME_WAIT);
    }

    public Seen awaitFirst(String key, Duration atMost) {
        return await().atMost(atMost).until(() -> forKey(key).stream().findFirst().orElse(null), s -> s != null);
    }

    /** Returns once every one of {@code keys} has a record. */
    public void awaitEach(Collection<String> keys) {
        awaitEach(keys, OUTCOME_WAIT);
    }

    public void awaitEach(Collection<String> keys, Duration atMost) {
        await().atMost(atMost).until(() -> withOutcome(keys).size() == Set.copyOf(keys).size());
    }

    /** Every job gets its outcome, and it is {@code completed}. */
    public void awaitEachCompleted(Collection<String> jobIds) {
        awaitEach(jobIds);
        assertThat(jobIds).allSatisfy(j -> assertThat(forKey(j).get(0).topic()).as(j).isEqualTo(COMPLETED));
    }

    /** The records on {@code topic} that {@code match}, once there are {@code count} of them. */
    public List<Seen> awaitOnTopic(String topic, Predicate<Seen> match, int count) {
        return await().atMost(OUTCOME_WAIT).until(() -> onTopic(topic).stream().filter(match).toList(),
                seen -> seen.size() >= count);
    }
}

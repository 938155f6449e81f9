package ai.spideriq.tracker.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records everything the service writes to its output topics, from the start, for the whole test JVM: tests filter
 * by their own job IDs instead of racing each other for records.
 */
public final class TopicRecorder {

    /** One record as a consumer of the topic sees it. */
    public record Seen(String topic, String key, String value, Map<String, String> headers) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(value);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + value, e);
            }
        }
    }

    private static TopicRecorder instance;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private TopicRecorder(String bootstrap) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "group.id", "test-recorder-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                    "key.deserializer", StringDeserializer.class.getName(),
                    "value.deserializer", StringDeserializer.class.getName()))) {
                consumer.subscribe(KafkaBroker.OUTPUT_TOPICS);
                while (true) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        Map<String, String> headers = new java.util.HashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                        }
                        seen.add(new Seen(r.topic(), r.key(), r.value(), headers));
                    }
                }
            }
        }, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized TopicRecorder get() {
        if (instance == null) {
            instance = new TopicRecorder(KafkaBroker.bootstrapServers());
        }
        return instance;
    }

    /** Records on any output topic keyed by {@code key}. */
    public List<Seen> forKey(String key) {
        return seen.stream().filter(s -> key.equals(s.key())).toList();
    }

    /** Records on one topic. */
    public List<Seen> onTopic(String topic) {
        return seen.stream().filter(s -> s.topic().equals(topic)).toList();
    }
}

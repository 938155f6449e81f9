package ai.spideriq.tracker.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.testing.KafkaBroker;

/** Reads the internal in-flight topic the way a restore does: the latest value of a job's key. */
final class InFlightRecords {

    static final String TOPIC = "spideriq.tracker.in-flight";

    private InFlightRecords() {
    }

    /** The latest record of {@code jobId} in the default in-flight topic, or null (never written, or tombstoned). */
    static JsonNode latest(String jobId) {
        return latest(TOPIC, jobId);
    }

    static JsonNode latest(String topic, String jobId) {
        String latest = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(), "group.id", "in-flight-reader-" + UUID.randomUUID(),
                "enable.auto.commit", "false", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (jobId.equals(record.key())) {
                        latest = record.value();
                    }
                }
            }
            return latest == null ? null : new ObjectMapper().readTree(latest);
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + topic, e);
        }
    }
}

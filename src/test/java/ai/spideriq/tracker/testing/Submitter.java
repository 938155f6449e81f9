package ai.spideriq.tracker.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes submissions the way another team's service would, through the shared broker's KafkaCompanion. */
public final class Submitter {

    /** Above the broker's default record limit, so that a test can send records the broker itself must refuse. */
    private static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    private Submitter() {
    }

    public static void submit(String key, String value) {
        submit(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    /** Sends to the input topic and waits for the broker's acknowledgement; {@code partition} may be null. */
    public static void submit(String key, byte[] value, Integer partition, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(KafkaBroker.SUBMITTED, partition, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /** A job submitted as the documented JSON object, keyed by its ID. */
    public static void submitJob(String jobId, String type) {
        submit(jobId, "{\"job_id\":\"" + jobId + "\",\"type\":\"" + type + "\"}");
    }

    /** Each job submitted as its bare ID, keyed by it, in this order. */
    public static void submitIds(Collection<String> jobIds) {
        submitIds(KafkaBroker.SUBMITTED, jobIds);
    }

    /** As {@link #submitIds(Collection)}, to another input topic. */
    public static void submitIds(String topic, Collection<String> jobIds) {
        send(jobIds.stream().map(id -> new ProducerRecord<>(topic, id, id.getBytes(StandardCharsets.UTF_8))).toList());
    }

    /** As {@link #send(List)}. */
    @SafeVarargs
    public static List<RecordMetadata> send(ProducerRecord<String, byte[]>... records) {
        return send(List.of(records));
    }

    /**
     * Sends records to any topic of the shared broker, in order and each acknowledged before the next goes (so that
     * no two share a batch: the broker's limit is per batch), with a producer that allows 2 MiB; answers where each was
     * written.
     */
    public static List<RecordMetadata> send(List<ProducerRecord<String, byte[]>> records) {
        // One in flight at a time: the companion would otherwise send them all at once.
        return KafkaBroker.companion().produce(String.class, byte[].class).withConcurrency(1)
                .withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES)
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(60)).getRecords();
    }
}

package ai.spideriq.tracker.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes submissions the way another team's service would. */
public final class Submitter {

    private static KafkaProducer<String, byte[]> producer;

    private Submitter() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(),
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName()));
        }
        return producer;
    }

    public static void submit(String key, String value) {
        submit(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    /** Sends and waits for the broker's acknowledgement; {@code partition} may be null. */
    public static void submit(String key, byte[] value, Integer partition, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(KafkaBroker.SUBMITTED, partition, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not submit", e);
        }
    }

    /** A job submitted as the documented JSON object, keyed by its ID. */
    public static void submitJob(String jobId, String type) {
        submit(jobId, "{\"job_id\":\"" + jobId + "\",\"type\":\"" + type + "\"}");
    }
}

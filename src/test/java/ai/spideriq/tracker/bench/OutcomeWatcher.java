package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the outcome topics from the start, on a thread of its own, and tells the current listener of each outcome:
 * its key (the job ID) and its record timestamp, the moment the service produced it to Kafka.
 */
final class OutcomeWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile BiConsumer<String, Instant> listener = (key, at) -> {
    };
    private volatile boolean running = true;

    OutcomeWatcher(String bootstrap, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-outcomes-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        consumer.subscribe(topics);
        thread = new Thread(this::consume, "bench-outcome-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void listen(BiConsumer<String, Instant> newListener) {
        listener = newListener;
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    listener.accept(r.key(), Instant.ofEpochMilli(r.timestamp()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}

package ai.spideriq.tracker.inflight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.tracking.EndedSubmission;
import ai.spideriq.tracker.tracking.InFlightLog;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The jobs in flight, kept in a compacted topic co-partitioned with the input: a job's record goes to the partition
 * number of the submission it came from, so whoever owns that input partition finds its jobs there. A job's record
 * says it is in flight, then that it ended (until the input commit passes its submission), then is tombstoned.
 */
@ApplicationScoped
public class InFlightStore implements InFlightLog {

    public static final String CHANNEL = "in-flight";
    private static final Logger LOG = Logger.getLogger(InFlightStore.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final MutinyEmitter<Record<String, InFlightRecord>> emitter;
    private final Map<String, Object> kafka;
    private final ObjectMapper mapper;
    private final String topic;

    public InFlightStore(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<Record<String, InFlightRecord>> emitter,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper mapper, TrackerConfig config) {
        this.emitter = emitter;
        this.kafka = kafka;
        this.mapper = mapper;
        this.topic = config.topics().inFlight();
    }

    /** Records the job in flight; completes when the broker has acknowledged it. */
    @Override
    public Uni<Void> started(TrackedJob job) {
        return send(job.jobId(), job.partition(), InFlightRecord.inFlight(job));
    }

    /** Records that the job ended, keeping its submission offset to recognise a replay. */
    @Override
    public Uni<Void> ended(TrackedJob job, String outcome, Instant endedAt) {
        return send(job.jobId(), job.partition(), InFlightRecord.ended(job, outcome, endedAt));
    }

    /** Forgets the job: a tombstone that compaction turns into nothing. */
    @Override
    public Uni<Void> forget(UUID jobId, int partition) {
        return send(jobId, partition, null);
    }

    private Uni<Void> send(UUID jobId, int partition, InFlightRecord value) {
        return send(jobId.toString(), partition, value);
    }

    // A null value is a Kafka null (a real tombstone): json.serialize.null-as-null=true on the channel.
    private Uni<Void> send(String key, int partition, InFlightRecord value) {
        return emitter.sendMessage(Message.of(Record.of(key, value))
                .addMetadata(OutgoingKafkaRecordMetadata.builder().withPartition(partition).build()));
    }

    /** The jobs of one partition still in flight, and the submissions that ended but may still be replayed. */
    public record Restored(List<TrackedJob> inFlight, List<EndedSubmission> ended) {
    }

    /**
     * Reads the given partitions of the in-flight topic to their end and answers what each holds.
     * Blocking: called from the Kafka consumer's rebalance callback, before any new submission of those partitions.
     */
    public Map<Integer, Restored> restore(Collection<Integer> partitions) {
        Map<Integer, Restored> restored = new HashMap<>();
        if (partitions.isEmpty()) {
            return restored;
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(restoreConfig())) {
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            Map<Integer, Map<String, byte[]>> latest = new HashMap<>();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    Map<String, byte[]> values = latest.computeIfAbsent(record.partition(), p -> new LinkedHashMap<>());
                    if (record.value() == null) {
                        values.remove(record.key());
                    } else {
                        values.put(record.key(), record.value());
                    }
                }
            }
            latest.forEach((partition, values) -> {
                cleanUpLegacyTombstones(partition, values);
                restored.put(partition, parse(partition, values));
            });
        }
        return restored;
    }

    /**
     * Versions before real tombstones wrote the 4-byte JSON text {@code null} instead, which compaction keeps forever.
     * Such a key is gone already as far as tracking goes; a real tombstone now lets compaction remove it.
     */
    private void cleanUpLegacyTombstones(int partition, Map<String, byte[]> values) {
        List<String> legacy = values.entrySet().stream().filter(e -> isJsonNull(e.getValue())).map(Map.Entry::getKey)
                .toList();
        if (legacy.isEmpty()) {
            return;
        }
        legacy.forEach(values::remove);
        LOG.infof("Replacing %d text-null record(s) of older versions in partition %d of '%s' with tombstones",
                legacy.size(), partition, topic);
        for (String key : legacy) {
            send(key, partition, null).subscribe().with(ignored -> {
            }, failure -> LOG.warnf("Could not tombstone old record %s in partition %d (the next restore retries): %s",
                    key, partition, failure.getMessage()));
        }
    }

    static boolean isJsonNull(byte[] value) {
        return value.length <= 8 && new String(value, java.nio.charset.StandardCharsets.UTF_8).strip().equals("null");
    }

    private Restored parse(int partition, Map<String, byte[]> values) {
        List<TrackedJob> jobs = new ArrayList<>();
        List<EndedSubmission> ended = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : values.entrySet()) {
            try {
                InFlightRecord record = mapper.readValue(entry.getValue(), InFlightRecord.class);
                if (record.hasEnded()) {
                    ended.add(record.toEndedSubmission(partition));
                } else {
                    jobs.add(record.toTrackedJob(partition));
                }
            } catch (Exception e) {
                // Only this service writes the topic; an unreadable record is a bug to see, not a job to guess at.
                LOG.errorf("Skipping unreadable in-flight record %s in partition %d: %s", entry.getKey(), partition,
                        e.getMessage());
            }
        }
        return new Restored(jobs, ended);
    }

    private Map<String, Object> restoreConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().removeIf(key -> key.startsWith("group.") || key.contains("serializer"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "spideriq-tracker-restore-" + UUID.randomUUID());
        return config;
    }
}

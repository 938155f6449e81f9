package ai.spideriq.tracker.inflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The in-flight topic as its bytes are: ended jobs leave Kafka tombstones, and restores read nothing of them. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class InFlightTombstonesTest {

    private static final String TOPIC = "spideriq.tracker.in-flight";
    private static final List<Integer> PARTITIONS = List.of(0, 1, 2);

    @Inject
    SpiderIqSimulator simulator;

    @Inject
    InFlightStore store;

    private final KafkaCompanion companion = KafkaBroker.companion();

    @Test
    void fiftyEndedJobsLeaveOnlyKafkaNullsAndARestoreFindsNoneOfThem() {
        List<String> jobs = new ArrayList<>();
        try (ConsumerTask<String, byte[]> raw = companion.consume(String.class, byte[].class).fromTopics(TOPIC)) {
            for (int i = 0; i < 50; i++) {
                String job = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO,
                        Duration.ofMillis(300))).jobId();
                jobs.add(job);
                Submitter.submitJob(job, "spiderSite");
            }
            TopicRecorder.get().awaitEach(jobs);
            // Tombstones follow once the input commit passes the submissions (the committed-offset sweep, every 15 s).
            await().atMost(Duration.ofSeconds(90)).until(() -> latestValues(raw.getRecords(), jobs).values().stream()
                    .allMatch(value -> value.length == 0));

            List<ConsumerRecord<String, byte[]>> ours = raw.getRecords().stream().filter(r -> jobs.contains(r.key()))
                    .toList();
            assertThat(ours.stream().filter(r -> r.value() == null).map(ConsumerRecord::key)
                    .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(jobs);
            assertThat(ours).noneMatch(r -> r.value() != null && InFlightStore.isJsonNull(r.value()));
        }

        try (LogCapture log = LogCapture.of(InFlightStore.class)) {
            Map<Integer, InFlightStore.Restored> restored = store.restore(PARTITIONS);
            Set<String> resumed = restored.values().stream()
                    .flatMap(r -> r.inFlight().stream().map(j -> j.jobId().toString())).collect(Collectors.toSet());
            Set<String> ended = restored.values().stream()
                    .flatMap(r -> r.ended().stream().map(e -> e.jobId().toString())).collect(Collectors.toSet());
            assertThat(resumed).doesNotContainAnyElementsOf(jobs);
            assertThat(ended).doesNotContainAnyElementsOf(jobs);
            assertThat(log.messages(Level.SEVERE)).isEmpty();
        }
    }

    @Test
    void textNullRecordsOfOlderVersionsAreReplacedByTombstonesOnRestore() {
        List<String> legacy = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String key : legacy) {
            companion.produce(String.class, byte[].class).fromRecords(new ProducerRecord<>(TOPIC, 1, key,
                    "null".getBytes(StandardCharsets.UTF_8))).awaitCompletion();
        }
        try (LogCapture log = LogCapture.of(InFlightStore.class)) {
            InFlightStore.Restored restored = store.restore(List.of(1)).get(1);
            assertThat(restored.inFlight()).noneMatch(j -> legacy.contains(j.jobId().toString()));
            assertThat(log.messages(Level.SEVERE)).isEmpty();
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("text-null record(s)"));
        }
        try (ConsumerTask<String, byte[]> raw = companion.consume(String.class, byte[].class).fromTopics(TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> latestValues(raw.getRecords(), legacy).values()
                    .stream().allMatch(value -> value.length == 0));
        }
    }

    /** The latest value of each key, a Kafka null as an empty array; keys not seen yet are absent. */
    private static Map<String, byte[]> latestValues(List<ConsumerRecord<String, byte[]>> records, List<String> keys) {
        Map<String, byte[]> latest = new java.util.HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (keys.contains(r.key())) {
                latest.put(r.key(), r.value() == null ? new byte[0] : r.value());
            }
        }
        return latest.size() == keys.size() ? latest : Map.of(keys.get(0), new byte[] { 1 });
    }
}

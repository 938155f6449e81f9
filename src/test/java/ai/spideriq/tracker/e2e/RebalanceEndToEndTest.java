package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A second member joins the consumer group and takes partitions away: the tracker stops polling their jobs. When it
 * leaves, the tracker gets them back, restores their jobs from the in-flight topic and finishes them, once each.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class RebalanceEndToEndTest {

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void revokedPartitionsStopTheirPollersAndReassignedOnesResumeThem() {
        Map<String, Integer> partitionOf = new HashMap<>();
        for (int partition = 0; partition < KafkaBroker.SUBMITTED_PARTITIONS; partition++) {
            for (int i = 0; i < 2; i++) {
                String job = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                        .withTimes(Duration.ZERO, Duration.ofSeconds(8))).jobId();
                Submitter.submit(job, job.getBytes(), partition, Map.of());
                partitionOf.put(job, partition);
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> partitionOf.keySet().stream().allMatch(job -> status(job) == 200));

        Set<Integer> taken;
        try (KafkaConsumer<String, String> intruder = joinGroup()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                intruder.poll(Duration.ofMillis(100));
                return !intruder.assignment().isEmpty();
            });
            taken = intruder.assignment().stream().map(TopicPartition::partition).collect(Collectors.toSet());
            List<String> moved = partitionOf.entrySet().stream().filter(e -> taken.contains(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            assertThat(moved).isNotEmpty();

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                intruder.poll(Duration.ofMillis(100));
                return moved.stream().allMatch(job -> status(job) == 404);
            });
            Map<String, Integer> requestsAtRevocation = requests(moved);
            // While another member owns them, nobody here polls those jobs.
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                intruder.poll(Duration.ofMillis(100));
            }
            assertThat(requests(moved)).isEqualTo(requestsAtRevocation);
            assertThat(moved).allMatch(job -> topics.forKey(job).isEmpty());
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> partitionOf.keySet().stream().allMatch(job -> !topics.forKey(job).isEmpty()));
        assertThat(partitionOf.keySet()).allSatisfy(job -> assertThat(topics.forKey(job)).hasSize(1));
    }

    private static KafkaConsumer<String, String> joinGroup() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(), "group.id", "spideriq-tracker",
                "enable.auto.commit", "false",
                "partition.assignment.strategy", CooperativeStickyAssignor.class.getName(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        consumer.subscribe(List.of(KafkaBroker.SUBMITTED));
        return consumer;
    }

    private Map<String, Integer> requests(List<String> jobs) {
        Map<String, Integer> counts = new HashMap<>();
        jobs.forEach(job -> counts.put(job, simulator.requestsFor(job).size()));
        return counts;
    }

    private static int status(String job) {
        return given().get("/jobs/" + job).statusCode();
    }

}

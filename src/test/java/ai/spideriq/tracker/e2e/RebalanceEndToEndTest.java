package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

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
                String job = SimulatorJobs.completed(simulator, Duration.ofSeconds(8));
                Submitter.submit(job, job.getBytes(), partition, Map.of());
                partitionOf.put(job, partition);
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> partitionOf.keySet().stream().allMatch(job -> JobView.status(job) == 200));

        ConsumerBuilder<String, String> member = KafkaBroker.companion().consumeStrings()
                .withGroupId("spideriq-tracker").withProp(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName());
        try (ConsumerTask<String, String> intruder = member.fromTopics(KafkaBroker.SUBMITTED)) {
            Set<Integer> taken = await().atMost(Duration.ofSeconds(30)).until(() -> member.assignment().stream()
                    .map(TopicPartition::partition).collect(Collectors.toSet()), partitions -> !partitions.isEmpty());
            List<String> moved = partitionOf.entrySet().stream().filter(e -> taken.contains(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            assertThat(moved).isNotEmpty();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> moved.stream().allMatch(job -> JobView.status(job) == 404));
            Map<String, Integer> requestsAtRevocation = requests(moved);
            // While another member owns them, nobody here polls those jobs.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> requests(moved).equals(requestsAtRevocation));
            assertThat(moved).allMatch(job -> topics.forKey(job).isEmpty());
        }

        topics.awaitEach(partitionOf.keySet());
        assertThat(partitionOf.keySet()).allSatisfy(job -> assertThat(topics.forKey(job)).hasSize(1));
    }

    private Map<String, Integer> requests(List<String> jobs) {
        Map<String, Integer> counts = new HashMap<>();
        jobs.forEach(job -> counts.put(job, simulator.requestsFor(job).size()));
        return counts;
    }
}

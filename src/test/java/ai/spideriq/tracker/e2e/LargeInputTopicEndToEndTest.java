package ai.spideriq.tracker.e2e;

import static ai.spideriq.tracker.e2e.IntakeSurvival.filler;
import static ai.spideriq.tracker.e2e.IntakeSurvival.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An input topic that allows 2 MiB: a 1.5 MB record is dead-lettered as a prefix and intake goes on. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(LargeInputTopicEndToEndTest.LargeInput.class)
class LargeInputTopicEndToEndTest {

    static final String INPUT = "spideriq.jobs.submitted.large";
    private static final String GROUP = "large-input";

    /** Its own input topic (2 MiB records), in-flight topic and group, so that no other test's jobs come along. */
    public static class LargeInput implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            IntakeSurvival.createTopic(INPUT, 3, 2 * 1024 * 1024);
            return Map.of("spideriq.topics.submitted", INPUT, "spideriq.topics.in-flight", INPUT + ".in-flight",
                    "spideriq.kafka.consumer-group", GROUP);
        }
    }

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void aRecordLargerThanTheDeadLetterLimitIsDeadLetteredAsAPrefixAndIntakeGoesOn() throws Exception {
        String tag = "large-" + UUID.randomUUID();
        List<String> jobs = List.of(newJob(), newJob());
        IntakeSurvival.send(job(INPUT, jobs.get(0)), filler(INPUT, tag, 1_500_000), job(INPUT, jobs.get(1)));

        IntakeSurvival.assertAllEnded(topics, jobs);
        TopicRecorder.Seen dead = await().atMost(Duration.ofSeconds(30)).until(() -> topics
                .onTopic("spideriq.jobs.submitted.dlq").stream()
                .filter(s -> s.value() != null && s.value().startsWith(tag)).findFirst().orElse(null), s -> s != null);
        assertThat(dead.value().length()).isEqualTo(65_536);
        assertThat(dead.headers()).containsEntry("spideriq-rejection-reason", "record_too_large")
                .containsEntry("spideriq-original-size", "1500000").containsKey("spideriq-original-sha256")
                .containsEntry("dead-letter-topic", INPUT);
        IntakeSurvival.assertReady();
        IntakeSurvival.awaitCommittedToTheEnd(INPUT, GROUP);
    }

    private String newJob() {
        return simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofMillis(300))).jobId();
    }
}

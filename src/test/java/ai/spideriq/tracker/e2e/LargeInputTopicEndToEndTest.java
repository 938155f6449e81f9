package ai.spideriq.tracker.e2e;

import static ai.spideriq.tracker.e2e.IntakeSurvival.filler;
import static ai.spideriq.tracker.e2e.IntakeSurvival.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;
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
    private static final Duration QUICK = Duration.ofMillis(300);

    /** Its own input topic (2 MiB records), in-flight topic and group, so that no other test's jobs come along. */
    public static class LargeInput implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Topics.create(INPUT, 3, Map.of("max.message.bytes", Integer.toString(2 * 1024 * 1024)));
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
        List<String> jobs = SimulatorJobs.completed(simulator, 2, QUICK);
        Submitter.send(job(INPUT, jobs.get(0)), filler(INPUT, tag, 1_500_000), job(INPUT, jobs.get(1)));

        topics.awaitEachCompleted(jobs);
        TopicRecorder.Seen dead = topics.awaitOnTopic("spideriq.jobs.submitted.dlq",
                s -> s.value() != null && s.value().startsWith(tag), 1).get(0);
        assertThat(dead.value().length()).isEqualTo(65_536);
        assertThat(dead.headers()).containsEntry("spideriq-rejection-reason", "record_too_large")
                .containsEntry("spideriq-original-size", "1500000").containsKey("spideriq-original-sha256")
                .containsEntry("dead-letter-topic", INPUT);
        IntakeSurvival.assertReady();
        Topics.awaitCommittedToTheEnd(INPUT, GROUP);
    }
}

package ai.spideriq.tracker.e2e;

import static ai.spideriq.tracker.e2e.IntakeSurvival.filler;
import static ai.spideriq.tracker.e2e.IntakeSurvival.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On a broker and topics with default limits, records the broker accepts but whose dead-letter copy with headers would
 * exceed the producer's 1 MiB: they go to the dead-letter topic truncated, every job around them is tracked, the
 * service stays ready and the commit passes them, so a restart does not meet them again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OversizedRecordEndToEndTest {

    private static final String DLQ = "spideriq.jobs.submitted.dlq";

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void recordsJustUnderTheBrokersLimitAreDeadLetteredTruncatedAndIntakeGoesOn() throws Exception {
        String tag = "big-" + UUID.randomUUID();
        List<String> jobs = SimulatorJobs.completed(simulator, 3, Duration.ofMillis(300));
        String topic = KafkaBroker.SUBMITTED;
        Submitter.send(job(topic, jobs.get(0)), filler(topic, tag, 1_048_000), job(topic, jobs.get(1)),
                filler(topic, tag, 1_048_480), job(topic, jobs.get(2)));

        topics.awaitEachCompleted(jobs);
        List<TopicRecorder.Seen> dead = topics.awaitOnTopic(DLQ, s -> s.value() != null && s.value().startsWith(tag),
                2);
        // Checked by sizes and headers only: a failure message must not print a megabyte.
        assertThat(dead).extracting(TopicRecorder.Seen::topic).containsOnly(DLQ);
        assertThat(dead).extracting(seen -> seen.headers().get("spideriq-rejection-reason"))
                .containsOnly("record_too_large");
        // The first copy fits the producer's 1 MiB with its headers and is kept whole; the second would not, and is
        // the value's first 64 KiB with the original size and digest.
        assertThat(dead).extracting(seen -> seen.value().length()).containsExactly(1_048_000, 65_536);
        assertThat(dead.get(1).headers()).containsEntry("spideriq-original-size", "1048480")
                .containsKey("spideriq-original-sha256");
        IntakeSurvival.assertReady();
        Topics.awaitCommittedToTheEnd(topic, "spideriq-tracker");
    }
}

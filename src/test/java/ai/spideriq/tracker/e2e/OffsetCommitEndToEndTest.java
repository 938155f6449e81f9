package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.JobState;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A job that runs for hours does not hold back the offset commits of the submissions after it. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OffsetCommitEndToEndTest {

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void theInputOffsetIsCommittedOnceAJobIsRegisteredNotWhenItEnds() {
        String longJob = simulator
                .create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withTimes(Duration.ZERO, Duration.ofHours(1)))
                .jobId();
        String shortJob = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO,
                Duration.ofHours(1))).jobId();
        List<RecordMetadata> written = Submitter.send(submission(longJob), submission(shortJob));

        // Both jobs are still running at SpiderIQ, yet the commit moves past them.
        Topics.awaitCommittedPast("spideriq-tracker", new TopicPartition(KafkaBroker.SUBMITTED, 0),
                written.get(1).offset());
        assertThat(simulator.job(longJob).orElseThrow().stateAt(simulator.now()))
                .isIn(JobState.QUEUED, JobState.PROCESSING);
    }

    private static ProducerRecord<String, byte[]> submission(String jobId) {
        return new ProducerRecord<>(KafkaBroker.SUBMITTED, 0, jobId, jobId.getBytes(StandardCharsets.UTF_8));
    }
}

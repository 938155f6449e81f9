package ai.spideriq.tracker.e2e;

import static ai.spideriq.tracker.e2e.IntakeSurvival.filler;
import static ai.spideriq.tracker.e2e.IntakeSurvival.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A dead-letter topic that refuses every write (its records may be at most 100 bytes): bad records are logged once
 * and counted, jobs around them are tracked, the service stays ready and the commit passes them. And what reaches
 * the log of a hostile record is quoted and escaped: an embedded newline cannot start a forged line.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(RefusingDeadLetterTopicEndToEndTest.RefusingDlq.class)
class RefusingDeadLetterTopicEndToEndTest {

    private static final String REFUSING_DLQ = "spideriq.jobs.submitted.dlq.refusing";
    private static final String FAILED = "spideriq_intake_dead_letter_failed_total";

    public static class RefusingDlq implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Topics.create(REFUSING_DLQ, 1, Map.of("max.message.bytes", "100"));
            return Map.of("spideriq.topics.dead-letter", REFUSING_DLQ, "spideriq.intake.rejections-logged", "1000");
        }
    }

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();
    private LogCapture log;

    @BeforeEach
    void captureLogs() {
        log = LogCapture.all();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void recordsThatCannotBeDeadLetteredAreLoggedCountedAndSkipped() {
        double failedBefore = failed();
        String topic = KafkaBroker.SUBMITTED;
        List<String> jobs = SimulatorJobs.completed(simulator, 3, Duration.ofMillis(300));
        Submitter.send(job(topic, jobs.get(0)), filler(topic, "refused-" + UUID.randomUUID(), 1_048_480),
                job(topic, jobs.get(1)), new ProducerRecord<>(topic, 0, null, "not-a-job".getBytes()),
                job(topic, jobs.get(2)));

        topics.awaitEachCompleted(jobs);
        await().atMost(Duration.ofSeconds(30)).until(() -> failed() >= failedBefore + 2);
        assertThat(log.messages(Level.ALL))
                .filteredOn(line -> line.startsWith("Could not dead-letter the rejected record"))
                .hasSizeGreaterThanOrEqualTo(2);
        IntakeSurvival.assertReady();
        Topics.awaitCommittedToTheEnd(topic, "spideriq-tracker");
    }

    @Test
    void aJobIdWithANewlineAndAFakeLogLineNeverStartsALogLine() {
        // Short enough to fit in the 64 characters of input a reason shows.
        String fake = "INFO FAKE-" + UUID.randomUUID().toString().substring(0, 8);
        String hostile = UUID.randomUUID() + "\n" + fake + "\u001b[2J";
        Submitter.send(new ProducerRecord<>(KafkaBroker.SUBMITTED, 0, "key\n" + fake,
                hostile.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> log.messages(Level.ALL).stream().anyMatch(line -> line.contains("\\n" + fake)));
        assertThat(log.messages(Level.ALL)).filteredOn(line -> line.contains(fake)).allSatisfy(line -> assertThat(line)
                .doesNotContain("\n", "\r", "\u001b"));
    }

    /** Rejected records the service could not dead-letter, of the two kinds sent here. */
    private static double failed() {
        return Metrics.sum(FAILED, "reason=\"invalid_job_id\"") + Metrics.sum(FAILED, "reason=\"record_too_large\"");
    }
}

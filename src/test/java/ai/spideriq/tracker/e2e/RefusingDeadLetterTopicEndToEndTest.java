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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.TopicRecorder;
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
            IntakeSurvival.createTopic(REFUSING_DLQ, 1, 100);
            return Map.of("spideriq.topics.dead-letter", REFUSING_DLQ, "spideriq.intake.rejections-logged", "1000");
        }
    }

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void recordsThatCannotBeDeadLetteredAreLoggedCountedAndSkipped() throws Exception {
        double failedBefore = IntakeSurvival.counter(FAILED, "invalid_job_id")
                + IntakeSurvival.counter(FAILED, "record_too_large");
        String topic = KafkaBroker.SUBMITTED;
        List<String> jobs = List.of(newJob(), newJob(), newJob());
        IntakeSurvival.send(job(topic, jobs.get(0)), filler(topic, "refused-" + UUID.randomUUID(), 1_048_480),
                job(topic, jobs.get(1)), new ProducerRecord<>(topic, 0, null, "not-a-job".getBytes()),
                job(topic, jobs.get(2)));

        IntakeSurvival.assertAllEnded(topics, jobs);
        await().atMost(Duration.ofSeconds(30)).until(() -> IntakeSurvival.counter(FAILED, "invalid_job_id")
                + IntakeSurvival.counter(FAILED, "record_too_large") >= failedBefore + 2);
        assertThat(logged).filteredOn(line -> line.startsWith("Could not dead-letter the rejected record"))
                .hasSizeGreaterThanOrEqualTo(2);
        IntakeSurvival.assertReady();
        IntakeSurvival.awaitCommittedToTheEnd(topic, "spideriq-tracker");
    }

    @Test
    void aJobIdWithANewlineAndAFakeLogLineNeverStartsALogLine() {
        // Short enough to fit in the 64 characters of input a reason shows.
        String fake = "INFO FAKE-" + UUID.randomUUID().toString().substring(0, 8);
        String hostile = UUID.randomUUID() + "\n" + fake + "\u001b[2J";
        IntakeSurvival.send(new ProducerRecord<>(KafkaBroker.SUBMITTED, 0, "key\n" + fake,
                hostile.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> logged.stream().anyMatch(line -> line.contains("\\n" + fake)));
        assertThat(logged).filteredOn(line -> line.contains(fake)).allSatisfy(line -> assertThat(line)
                .doesNotContain("\n", "\r", "\u001b"));
    }

    private String newJob() {
        return simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofMillis(300))).jobId();
    }
}

package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.vertx.core.Vertx;

/**
 * The record that used to stop the service for good (1,048,480 bytes: accepted by a default broker, its dead-letter
 * copy over 1 MiB) between jobs: the packaged service tracks the jobs around it, and restarted right after, it
 * neither meets the record again nor fails, and tracks a job submitted after it.
 */
class OversizedRecordRestartIT {

    private static final String INPUT = "spideriq.jobs.submitted.oversized-restart";
    private static Vertx vertx;
    private static SpiderIqSimulator simulator;
    private static int simulatorPort;

    @BeforeAll
    static void startSimulator() throws Exception {
        vertx = Vertx.vertx();
        Map.Entry<SpiderIqSimulator, Integer> served = TrackerProcess.simulator(vertx, 13);
        simulator = served.getKey();
        simulatorPort = served.getValue();
        TrackerProcess.createInput(INPUT);
    }

    @AfterAll
    static void stopSimulator() {
        vertx.close();
    }

    @Test
    void aRestartRightAfterAnOversizedRecordPassesIt() throws Exception {
        TopicRecorder topics = TopicRecorder.get();
        List<String> before = List.of(newJob(), newJob());
        Process first = TrackerProcess.start("oversized-first", INPUT, simulatorPort);
        byte[] large = new byte[1_048_480];
        Arrays.fill(large, (byte) 'x');
        TrackerProcess.send(job(before.get(0)));
        TrackerProcess.send(new ProducerRecord<>(INPUT, 0, null, large));
        TrackerProcess.send(job(before.get(1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> before.stream().allMatch(j -> !topics.forKey(j).isEmpty()));
        // Past the throttled strategy's commit interval (5 s): the commit is what a restart starts from.
        Thread.sleep(6_000);
        first.destroyForcibly().waitFor();

        Process second = TrackerProcess.start("oversized-second", INPUT, simulatorPort);
        try {
            String after = newJob();
            TrackerProcess.send(job(after));
            await().atMost(Duration.ofSeconds(60)).until(() -> !topics.forKey(after).isEmpty());
            assertThat(second.isAlive()).isTrue();
            // SmallRye's per-send lines (SRMSG18212) of the DLQ are filtered out; the tracker's own line stands for them.
            assertThat(TrackerProcess.log("oversized-second")).doesNotContain("record_too_large")
                    .doesNotContain("Could not dead-letter").doesNotContain("SRMSG18212");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static ProducerRecord<String, byte[]> job(String jobId) {
        return new ProducerRecord<>(INPUT, 0, jobId, jobId.getBytes());
    }

    private static String newJob() {
        return simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofMillis(500))).jobId();
    }
}

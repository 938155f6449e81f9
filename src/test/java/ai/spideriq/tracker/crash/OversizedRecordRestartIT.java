package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;

/**
 * The record that used to stop the service for good (1,048,480 bytes: accepted by a default broker, its dead-letter
 * copy over 1 MiB) between jobs: the packaged service tracks the jobs around it, and restarted right after, it
 * neither meets the record again nor fails, and tracks a job submitted after it.
 */
class OversizedRecordRestartIT {

    private static final String INPUT = "spideriq.jobs.submitted.oversized-restart";
    private static final Duration QUICK = Duration.ofMillis(500);

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(13, INPUT);

    @Test
    void aRestartRightAfterAnOversizedRecordPassesIt() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        TopicRecorder topics = TopicRecorder.get();
        List<String> before = SimulatorJobs.completed(simulator, 2, QUICK);
        Process first = TrackerProcess.start("oversized-first", INPUT, API.port());
        byte[] large = new byte[1_048_480];
        Arrays.fill(large, (byte) 'x');
        Submitter.send(job(before.get(0)), new ProducerRecord<>(INPUT, 0, null, large), job(before.get(1)));
        topics.awaitEach(before);
        // The commit (every 5 s, by the throttled strategy) is what a restart starts from: it passes all three.
        Topics.awaitCommittedToTheEnd(INPUT, INPUT);
        first.destroyForcibly().waitFor();

        Process second = TrackerProcess.start("oversized-second", INPUT, API.port());
        try {
            String after = SimulatorJobs.completed(simulator, QUICK);
            Submitter.send(job(after));
            topics.awaitFirst(after);
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
}

package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;

/**
 * A second replica joins while the first is still writing the outcomes of jobs it read ended (their topic appears
 * only a few seconds into the rebalance). The first hands its partitions over once those outcomes and the jobs' ended
 * records are written, so the second restores them ended: every job gets exactly one outcome. Without the wait the
 * second restores them in flight, reads them again and publishes each moved job's outcome a second time.
 */
class HandoverIT {

    private static final Logger LOG = Logger.getLogger(HandoverIT.class);
    private static final String INPUT = "spideriq.jobs.submitted.handover";
    private static final String COMPLETED = INPUT + ".completed";
    /** Polls only, so that a job restored in flight is read again at once rather than after a guard interval. */
    private static final Map<String, String> ENV = Map.of("SPIDERIQ_TOPICS_COMPLETED", COMPLETED,
            "SPIDERIQ_SWEEP_ENABLED", "false");

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(11, INPUT);

    @Test
    void jobsEndingWhileTheirPartitionMovesGetExactlyOneOutcomeEach() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        List<String> jobs = SimulatorJobs.completed(simulator, 12, Duration.ofMillis(500));
        Process first = TrackerProcess.start("handover-first", INPUT, API.port(), ENV);
        Process second = null;
        try {
            Submitter.submitIds(INPUT, jobs);
            // Every job is read ended; its outcome waits for a topic that does not exist yet.
            await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream().allMatch(job -> simulator
                    .requestsFor(job).stream().anyMatch(request -> request.status() == 200)));

            second = TrackerProcess.launch("handover-second", KafkaBroker.bootstrapServers(), INPUT, API.port(), ENV);
            await().atMost(Duration.ofSeconds(60)).until(() -> TrackerProcess.log("handover-first")
                    .contains("Executing consumer revoked re-balance listener for group '" + INPUT + "'"));
            Thread.sleep(2000); // the first replica is in its revocation, its outcomes still unwritten
            Topics.create(COMPLETED, 1, Map.of());
            TrackerProcess.awaitAssigned("handover-second", second);

            TopicRecorder outcomes = TopicRecorder.of(KafkaBroker.companion(), List.of(COMPLETED));
            await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.withOutcome(jobs).size() == jobs.size());
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(jobs.stream().filter(job -> outcomes.forKey(job).size() != 1)
                            .toList()).as("jobs without exactly one outcome").isEmpty());
            assertThat(TrackerProcess.log("handover-second")).as("a partition moved to the second replica")
                    .containsPattern("Assigned partitions \\[\\d");
            LOG.infof("%d jobs ended while their partitions were handed over: one outcome each", jobs.size());
        } finally {
            first.destroy();
            first.waitFor();
            if (second != null) {
                second.destroy();
                second.waitFor();
            }
        }
    }
}

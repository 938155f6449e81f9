package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.RequestRecord;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;

/**
 * The packaged service killed with SIGKILL and started again at once: the new instance polls the jobs in flight within
 * 15 s, because the dead instance's consumer session expires after 6 s, not the client default of 45 s. Job-list sweeps
 * are off, so that every job is polled on its own and the first poll after the kill is the takeover's (with sweeps on,
 * a running job's own polls may be minutes apart by design).
 */
class TakeoverIT {

    private static final Logger LOG = Logger.getLogger(TakeoverIT.class);
    private static final String INPUT = "spideriq.jobs.submitted.takeover";
    private static final Map<String, String> POLLS_ONLY = Map.of("SPIDERIQ_SWEEP_ENABLED", "false");

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(7, INPUT);

    @Test
    void afterAKillTheRestartedInstancePollsTheJobsInFlightWithinFifteenSeconds() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        List<String> jobs = SimulatorJobs.completed(simulator, 12, Duration.ofMinutes(5));
        Process first = TrackerProcess.start("takeover-first", INPUT, API.port(), POLLS_ONLY);
        Submitter.submitIds(INPUT, jobs);
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream()
                .allMatch(job -> !simulator.requestsFor(job).isEmpty()));

        first.destroyForcibly().waitFor();
        Instant killed = Instant.now();
        Process second = TrackerProcess.start("takeover-second", INPUT, API.port(), POLLS_ONLY);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> firstPollAfter(jobs, killed) != null);
            Duration resumed = Duration.between(killed, firstPollAfter(jobs, killed));
            LOG.infof("Polling resumed %d ms after the kill", resumed.toMillis());
            assertThat(resumed).isLessThan(Duration.ofSeconds(15));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Instant firstPollAfter(List<String> jobs, Instant since) {
        return jobs.stream().flatMap(job -> API.simulator().requestsFor(job).stream()).map(RequestRecord::time)
                .filter(time -> time.isAfter(since)).min(Instant::compareTo).orElse(null);
    }
}

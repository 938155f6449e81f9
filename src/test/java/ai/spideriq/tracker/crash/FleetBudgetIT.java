package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;

/**
 * Three packaged replicas against one simulator whose limit is the tracker's share (120 per 60 s window, burst 20),
 * under a load that needs more than that: the replicas split the share by the input partitions they own, so together
 * they never send more than it in any 60 s and draw no 429, and when one is killed the survivors take its partitions
 * and its part of the budget. With a bucket of the whole share per replica (the old design) the fleet asks for three
 * times the share and the same run draws 429s.
 */
class FleetBudgetIT {

    private static final Logger LOG = Logger.getLogger(FleetBudgetIT.class);
    private static final String INPUT = "spideriq.jobs.submitted.fleet";
    private static final int JOBS = 150;
    private static final double SHARE = 120;
    private static final Map<String, String> FLEET = Map.of("SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "120",
            "SPIDERIQ_RATE_LIMIT_BURST", "10", "SPIDERIQ_SWEEP_ENABLED", "false");

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(11, INPUT,
            new RateLimitSettings((int) SHARE, Duration.ofSeconds(60), 20));

    @Test
    void replicasTogetherSpendOneShareAndSurvivorsTakeOverAKilledOnesPart() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        TopicRecorder outcomes = TopicRecorder.get();
        List<String> names = List.of("fleet-a", "fleet-b", "fleet-c");
        List<Process> replicas = new ArrayList<>();
        try {
            for (String name : names) {
                replicas.add(TrackerProcess.start(name, INPUT, API.port(), FLEET));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> budgets(names).stream().allMatch(b -> b > 0)
                    && sum(budgets(names)) == SHARE);

            // Polled every 0.3-2 s for 3-18 s each: far more than the budget allows, so it is all spent.
            List<String> jobs = submitLoad(simulator, INPUT, JOBS);
            await().atMost(Duration.ofSeconds(180)).until(() -> outcomes.withOutcome(jobs).size() >= JOBS / 3);

            replicas.get(0).destroyForcibly().waitFor();
            List<String> survivors = names.subList(1, names.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> sum(budgets(survivors)) == SHARE);
            outcomes.awaitEach(jobs, Duration.ofSeconds(300));

            LOG.infof("%d jobs, %d requests, at most %d in 60 s, %d answered 429", JOBS, simulator.stats().total(),
                    mostInAnyMinute(simulator), simulator.stats().rateLimited());
            assertThat(simulator.stats().rateLimited()).isZero();
            assertThat(mostInAnyMinute(simulator)).isLessThanOrEqualTo((int) SHARE);
            assertThat(jobs).allSatisfy(job -> assertThat(outcomes.forKey(job)).isNotEmpty());
        } finally {
            for (Process replica : replicas) {
                replica.destroy();
                replica.waitFor();
            }
        }
    }

    /**
     * Submits {@code count} spiderSite jobs of 3 s and then 0.1 s more each, which are polled every 0.3-2 s; answers
     * their IDs.
     */
    static List<String> submitLoad(SpiderIqSimulator simulator, String input, int count) {
        List<String> jobs = IntStream.range(0, count)
                .mapToObj(i -> SimulatorJobs.completed(simulator, Duration.ofMillis(3000 + 100L * i))).toList();
        Submitter.submitIds(input, jobs);
        return jobs;
    }

    static int mostInAnyMinute(SpiderIqSimulator simulator) {
        return SimulatorJobs.mostInAnyWindow(simulator.requests(), Duration.ofSeconds(60));
    }

    static double sum(List<Double> budgets) {
        return Math.round(budgets.stream().mapToDouble(Double::doubleValue).sum() * 1000) / 1000.0;
    }

    /** Each replica's {@code spideriq_limiter_budget_per_minute}, as its own /q/metrics shows it. */
    static List<Double> budgets(List<String> names) throws IOException, InterruptedException {
        List<Double> budgets = new ArrayList<>();
        for (String name : names) {
            budgets.add(TrackerProcess.gauge(name, "spideriq_limiter_budget_per_minute"));
        }
        return budgets;
    }
}

package ai.spideriq.tracker.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured for one detection scenario: the reference mix at increasing rates, lowest first, up to where
 * the tracker saturated.
 */
record ScenarioResults(DetectionScenario scenario, List<ScenarioRun> sweep) {

    ScenarioResults {
        sweep = List.copyOf(sweep);
    }

    /**
     * The highest swept rate at which p95 lag is at most {@code p95Seconds}, the backlog does not grow and every job
     * got its outcome, as at every lower rate; 0 when even the lowest is not.
     */
    double sustainableJobsPerMinute(double p95Seconds) {
        double best = 0;
        for (ScenarioRun s : sweep) {
            RunResult r = s.run();
            if (r.lag().count() == 0 || !(r.lag().p95() <= p95Seconds) || r.backlogGrowing() || r.unfinished() > 0
                    || r.lost() > 0) {
                break;
            }
            best = r.workload().jobsPerMinute();
        }
        return best;
    }

    Optional<ScenarioRun> at(double jobsPerMinute) {
        return sweep.stream().filter(s -> s.run().workload().jobsPerMinute() == jobsPerMinute).findFirst();
    }

    long max429s() {
        return sweep.stream().mapToLong(s -> s.run().rateLimited()).max().orElse(0);
    }

    long streamPauses() {
        return sweep.stream().mapToLong(ScenarioRun::streamPauses).sum();
    }

    int lost() {
        return sweep.stream().mapToInt(s -> s.run().lost()).sum();
    }
}

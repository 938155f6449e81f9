package ai.spideriq.tracker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the virtual layer measured for one strategy.
 *
 * @param sweep the reference mix at increasing rates, lowest first, up to where the strategy saturated
 * @param longTail the long-tail mix at the light rate
 * @param burst the burst
 */
record StrategyResults(Strategy strategy, List<RunResult> sweep, RunResult longTail, RunResult burst) {

    StrategyResults {
        sweep = List.copyOf(sweep);
    }

    /** The highest swept rate that is sustainable, as is every lower one; 0 when even the lowest is not. */
    double sustainableJobsPerMinute() {
        double best = 0;
        for (RunResult run : sweep) {
            if (!run.sustainable()) {
                break;
            }
            best = run.workload().jobsPerMinute();
        }
        return best;
    }

    /** The highest swept rate before the first saturated one (see {@link VirtualBenchmark#saturated}); 0 if none. */
    double keepsUpToJobsPerMinute() {
        double best = 0;
        for (RunResult run : sweep) {
            if (VirtualBenchmark.saturated(run)) {
                break;
            }
            best = run.workload().jobsPerMinute();
        }
        return best;
    }

    Optional<RunResult> at(double jobsPerMinute) {
        return sweep.stream().filter(r -> r.workload().jobsPerMinute() == jobsPerMinute).findFirst();
    }

    List<RunResult> all() {
        List<RunResult> all = new ArrayList<>(sweep);
        all.add(longTail);
        all.add(burst);
        return all;
    }
}

package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The policy layer: every strategy against the same seeded workloads on virtual time. The reference mix is swept
 * over increasing arrival rates until the strategy has saturated at two rates in a row (its backlog grows, jobs are
 * left at the drain cap, or p95 lag passes a minute): higher rates would only make the same point, slowly.
 */
final class VirtualBenchmark {

    static final double LIGHT_JOBS_PER_MINUTE = 10;
    static final double[] SWEEP_JOBS_PER_MINUTE = { 5, 10, 15, 20, 30, 40, 50, 60, 80, 100 };
    static final Duration WARM_UP = Duration.ofMinutes(10);
    static final Duration WINDOW = Duration.ofMinutes(60);
    static final Duration DRAIN_CAP = Duration.ofMinutes(30);
    static final Duration LONG_TAIL_DRAIN_CAP = Duration.ofMinutes(90);
    static final int BURST_JOBS = 1000;
    static final Duration BURST_DRAIN_CAP = Duration.ofHours(3);
    private static final double SATURATED_P95_SECONDS = 60;
    private static final int SATURATED_RUNS_TO_STOP = 2;

    private VirtualBenchmark() {
    }

    static List<StrategyResults> run(long seed, Consumer<RunResult> progress) {
        List<StrategyResults> all = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            List<RunResult> sweep = new ArrayList<>();
            int saturatedInARow = 0;
            for (double rate : SWEEP_JOBS_PER_MINUTE) {
                RunResult run = VirtualRun.run(strategy, Workloads.reference(seed, rate, WARM_UP, WINDOW, DRAIN_CAP),
                        seed);
                progress.accept(run);
                sweep.add(run);
                saturatedInARow = saturated(run) ? saturatedInARow + 1 : 0;
                if (saturatedInARow == SATURATED_RUNS_TO_STOP) {
                    break;
                }
            }
            RunResult longTail = VirtualRun.run(strategy,
                    Workloads.longTail(seed, LIGHT_JOBS_PER_MINUTE, WARM_UP, WINDOW, LONG_TAIL_DRAIN_CAP), seed);
            progress.accept(longTail);
            RunResult burst = VirtualRun.run(strategy, Workloads.burst(seed, BURST_JOBS, BURST_DRAIN_CAP), seed);
            progress.accept(burst);
            all.add(new StrategyResults(strategy, sweep, longTail, burst));
        }
        return all;
    }

    static boolean saturated(RunResult run) {
        return run.backlogGrowing() || run.unfinished() > 0 || !(run.lag().p95() <= SATURATED_P95_SECONDS);
    }
}

package ai.spideriq.tracker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.DoubleStream;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.testing.ShippedConfig;

/**
 * The detection layer: the tracker as it ships under each {@link DetectionScenario}, the reference mix swept over
 * rates (the strategy sweep's, plus 85 and 90 jobs/min, near the 90-request budget) until it saturates at two rates
 * in a row, as {@link VirtualBenchmark} stops.
 */
final class ScenarioBenchmark {

    static final double[] RATES = DoubleStream.concat(Arrays.stream(VirtualBenchmark.SWEEP_JOBS_PER_MINUTE),
            DoubleStream.of(85, 90)).sorted().distinct().toArray();
    private static final int SATURATED_RUNS_TO_STOP = 2;

    private ScenarioBenchmark() {
    }

    /**
     * @param only labels of the scenarios to run; empty for all
     * @param overrides tracker settings applied on top of every scenario's (side runs of other settings)
     */
    static List<ScenarioResults> run(long seed, Set<String> only, Map<String, String> overrides,
            Consumer<ScenarioRun> progress) {
        List<ScenarioResults> all = new ArrayList<>();
        List<DetectionScenario> scenarios = new ArrayList<>(DetectionScenario.all());
        scenarios.add(DetectionScenario.BOUND);
        for (DetectionScenario scenario : scenarios) {
            if (!only.isEmpty() && !only.contains(scenario.label())) {
                continue;
            }
            Map<String, String> settings = new HashMap<>(scenario.overrides());
            settings.putAll(overrides);
            TrackerConfig config = ShippedConfig.load(settings);
            all.add(new ScenarioResults(scenario, sweep(scenario, context -> scenario == DetectionScenario.BOUND
                    ? new OracleStrategy(context, config)
                    : new TrackerStrategy(context, config), seed, progress)));
        }
        return all;
    }

    /** The reference mix under {@code scenario}'s API conditions at each rate, until saturated twice in a row. */
    static List<ScenarioRun> sweep(DetectionScenario scenario, Function<PollStrategy.Context, PollStrategy> strategy,
            long seed, Consumer<ScenarioRun> progress) {
        List<ScenarioRun> sweep = new ArrayList<>();
        int saturatedInARow = 0;
        for (double rate : RATES) {
            ScenarioRun run = VirtualRun.run(scenario.label(), strategy, Workloads.reference(seed, rate,
                    VirtualBenchmark.WARM_UP, VirtualBenchmark.WINDOW, VirtualBenchmark.DRAIN_CAP), seed,
                    scenario.api());
            progress.accept(run);
            sweep.add(run);
            saturatedInARow = VirtualBenchmark.saturated(run.run()) ? saturatedInARow + 1 : 0;
            if (saturatedInARow == SATURATED_RUNS_TO_STOP) {
                break;
            }
        }
        return sweep;
    }
}

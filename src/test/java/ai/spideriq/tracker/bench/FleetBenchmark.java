package ai.spideriq.tracker.bench;

import static ai.spideriq.tracker.bench.ResultsReport.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ai.spideriq.tracker.testing.ShippedConfig;

/**
 * The fleet layer: issue 11's "1 vs 3 replicas at the same load": the same budget split by partition ownership over
 * one or three {@link FleetStrategy} replicas, under the service's default detection (stream up with 5 % of events
 * lost, list on), the reference mix swept over the scenarios layer's rates with its stopping rule, so that the
 * sustainable rates are comparable with that layer's. Three replicas run twice: on their ownership shares (the
 * default) and on one bucket for the fleet (as {@code spideriq.rate-limit.store=redis}).
 */
final class FleetBenchmark {

    static final int[] REPLICAS = { 1, 3 };
    /** The bar: the fleet sustains within 5 % of what one replica does. */
    static final double TOLERANCE = 0.05;
    private static final String CONDITIONS = "stream 5%+list";

    private FleetBenchmark() {
    }

    static List<ScenarioResults> run(long seed, Consumer<ScenarioRun> progress) {
        DetectionScenario base = DetectionScenario.all().stream().filter(s -> s.label().equals(CONDITIONS))
                .findFirst().orElseThrow();
        List<ScenarioResults> all = new ArrayList<>();
        for (int replicas : REPLICAS) {
            for (boolean oneBucket : replicas == 1 ? new boolean[] { false } : new boolean[] { false, true }) {
                DetectionScenario scenario = new DetectionScenario(label(replicas, oneBucket), Map.of(), base.api());
                all.add(new ScenarioResults(scenario, ScenarioBenchmark.sweep(scenario,
                        context -> new FleetStrategy(context, ShippedConfig.load(), replicas, oneBucket), seed,
                        progress)));
            }
        }
        return all;
    }

    private static String label(int replicas, boolean oneBucket) {
        return replicas + (replicas == 1 ? " replica" : " replicas") + (oneBucket ? " on one bucket" : "") + ", "
                + CONDITIONS;
    }

    /** The report's section: the scenarios layer's summary row per fleet size, then the verdict. */
    static String render(List<ScenarioResults> fleet) {
        StringBuilder md = new StringBuilder("## Fleet: 1 vs 3 replicas at the same load (virtual clock)\n\n"
                + "One budget split by owned input partitions (3 partitions), only partition 0's owner following the "
                + "stream (5 % of events lost) and sweeping the list, hints delivered in-process. Columns as in the "
                + "detection scenarios.\n\n");
        md.append(ScenarioReport.header());
        fleet.forEach(s -> md.append(ScenarioReport.row(s)));
        for (ScenarioResults three : fleet.subList(1, fleet.size())) {
            md.append('\n').append(verdict(fleet.get(0), three, 10)).append("; ")
                    .append(verdict(fleet.get(0), three, 5)).append(".\n");
        }
        return md.append('\n').toString();
    }

    /** The line scripts compare runs by. */
    static String summary(List<ScenarioResults> fleet) {
        double one = fleet.get(0).sustainableJobsPerMinute(10);
        double three = fleet.get(1).sustainableJobsPerMinute(10);
        double pooled = fleet.get(fleet.size() - 1).sustainableJobsPerMinute(10);
        return String.format(Locale.ROOT,
                "summary fleet replicas_1_sustainable_jobs_per_min=%s replicas_3_sustainable_jobs_per_min=%s "
                        + "difference_pct=%s within_5pct=%s replicas_3_one_bucket_sustainable_jobs_per_min=%s "
                        + "one_bucket_within_5pct=%s",
                Workload.rate(one), Workload.rate(three), fmt(100 * difference(one, three), 1),
                difference(one, three) <= TOLERANCE, Workload.rate(pooled), difference(one, pooled) <= TOLERANCE);
    }

    private static String verdict(ScenarioResults single, ScenarioResults fleet, double p95Seconds) {
        double one = single.sustainableJobsPerMinute(p95Seconds);
        double three = fleet.sustainableJobsPerMinute(p95Seconds);
        double d = difference(one, three);
        return String.format(Locale.ROOT, "p95 ≤ %s s: 1 replica %s, %s %s jobs/min, %s %% apart: %s",
                fmt(p95Seconds, 0), Workload.rate(one), fleet.scenario().label(), Workload.rate(three),
                fmt(100 * d, 1), d <= TOLERANCE ? "within 5 %" : "NOT within 5 %");
    }

    /** Relative to the larger, so the order does not matter; 0 apart when both are 0. */
    static double difference(double a, double b) {
        double larger = Math.max(a, b);
        return larger == 0 ? 0 : Math.abs(a - b) / larger;
    }
}

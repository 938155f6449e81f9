package ai.spideriq.tracker.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The Markdown report of one benchmark invocation. */
final class ResultsReport {

    private static final String RUN_HEADER = "| strategy | workload | jobs | requests/job | lag p50 s | lag p95 s | lag p99 s "
            + "| lag max s | 429s | lost | unfinished | backlog grows | drain s |\n"
            + "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|\n";

    private final StringBuilder md = new StringBuilder();

    String render(Environment environment, List<StrategyResults> virtual, List<ScenarioResults> scenarios,
            List<ScenarioResults> fleet, List<RunResult[]> e2e, PipelineCeiling.Result ceiling, TrackerMemory.Result memory) {
        md.append("# SpiderIQ poll strategies: benchmark results\n\n");
        md.append(environment.describe()).append('\n');
        if (!virtual.isEmpty()) {
            summary(virtual);
            section("Reference mix, swept over arrival rates (virtual clock)", virtual, StrategyResults::sweep);
            section("Long-tail mix at " + Workload.rate(VirtualBenchmark.LIGHT_JOBS_PER_MINUTE)
                    + " jobs/min (virtual clock)", virtual, s -> List.of(s.longTail()));
            section("Burst of " + VirtualBenchmark.BURST_JOBS + " jobs at once (virtual clock; drain = burst to last "
                    + "outcome)", virtual, s -> List.of(s.burst()));
        }
        if (!scenarios.isEmpty()) {
            md.append(ScenarioReport.render(scenarios));
        }
        if (!fleet.isEmpty()) {
            md.append(FleetBenchmark.render(fleet));
        }
        if (!e2e.isEmpty()) {
            md.append("## Tracker end to end (packaged service, Kafka, HTTP; time compressed ×")
                    .append(fmt(BenchmarkMain.E2E_COMPRESSION, 0)).append(") against the same workload on the "
                            + "virtual clock\n\n")
                    .append(RUN_HEADER.replace("| strategy |", "| layer |"));
            for (RunResult[] pair : e2e) {
                md.append(row(pair[0], pair[0].layer())).append(row(pair[1], pair[1].layer()));
            }
            md.append('\n');
        }
        if (ceiling != null) {
            md.append("## Pipeline ceiling (instant API, no limit, real Kafka)\n\n")
                    .append("| jobs | submitted per s | outcomes per s (first send to last outcome) "
                            + "| outcomes per s (10th to 90th percentile) | outcomes |\n|--:|--:|--:|--:|--:|\n")
                    .append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %d |%n%n", ceiling.jobs(),
                            ceiling.submittedPerSecond(), ceiling.outcomesPerSecond(), ceiling.steadyPerSecond(),
                            ceiling.outcomes()));
        }
        if (memory != null) {
            md.append("## Memory of the real JobTracker with jobs in flight\n\n")
                    .append("| jobs in flight | heap used after GC | of which the jobs | per job |\n|--:|--:|--:|--:|\n")
                    .append(String.format(Locale.ROOT, "| %d | %.1f MiB | %.1f MiB | %d bytes |%n%n", memory.jobs(),
                            memory.heapBytes() / 1048576.0, (memory.heapBytes() - memory.baselineBytes()) / 1048576.0,
                            memory.bytesPerJob()));
        }
        md.append(Environment.DEFINITIONS);
        return md.toString();
    }

    private void summary(List<StrategyResults> virtual) {
        md.append("## Summary (virtual clock)\n\n| strategy | sustainable jobs/min | not saturated up to jobs/min "
                + "| light requests/job "
                + "| light lag p50 s | light lag p95 s | light lag p99 s | max 429s in a run | lost |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (StrategyResults s : virtual) {
            RunResult light = s.at(VirtualBenchmark.LIGHT_JOBS_PER_MINUTE).orElseThrow();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %s | %d | %d |%n",
                    s.strategy().label(), Workload.rate(s.sustainableJobsPerMinute()),
                    Workload.rate(s.keepsUpToJobsPerMinute()), light.requestsPerJob(), fmt(light.lag().p50(), 1),
                    fmt(light.lag().p95(), 1), fmt(light.lag().p99(), 1),
                    s.all().stream().mapToLong(RunResult::rateLimited).max().orElse(0),
                    s.all().stream().mapToInt(RunResult::lost).sum()));
        }
        md.append('\n');
    }

    private void section(String title, List<StrategyResults> virtual, Function<StrategyResults, List<RunResult>> runs) {
        md.append("## ").append(title).append("\n\n").append(RUN_HEADER);
        virtual.forEach(s -> runs.apply(s).forEach(r -> md.append(row(r, r.strategy()))));
        md.append('\n');
    }

    private static String row(RunResult r, String first) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %s | %s | %s | %s | %d | %d | %d | %s | %s |%n",
                first, r.workload().label(), r.jobs(), r.requestsPerJob(), fmt(r.lag().p50(), 1),
                fmt(r.lag().p95(), 1), fmt(r.lag().p99(), 1), fmt(r.lag().max(), 1), r.rateLimited(), r.lost(),
                r.unfinished(), r.backlogGrowing() ? "yes" : "no", fmt(r.drainSeconds(), 0));
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

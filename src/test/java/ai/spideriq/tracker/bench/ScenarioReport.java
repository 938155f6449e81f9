package ai.spideriq.tracker.bench;

import static ai.spideriq.tracker.bench.ResultsReport.fmt;

import java.util.List;
import java.util.Locale;

/** The detection scenarios' part of the report: one summary row per scenario, then every run of the sweeps. */
final class ScenarioReport {

    static final double LIGHT = VirtualBenchmark.LIGHT_JOBS_PER_MINUTE;

    private ScenarioReport() {
    }

    static String render(List<ScenarioResults> scenarios) {
        StringBuilder md = new StringBuilder("## Detection scenarios: the tracker as it ships, reference mix "
                + "(virtual clock)\n\n");
        md.append("Sustainable = p95 lag at most 10 s (or 5 s), no growing backlog, nothing unfinished or lost, at "
                + "that rate and every lower one. Lag, requests and 429s at " + Workload.rate(LIGHT)
                + " jobs/min; requests/min over the measured hour. Lost-end = jobs that completed or failed whose end "
                + "frame never reached the tracker. Stream pauses = 429s answered to stream openings, over the whole "
                + "sweep.\n\n");
        md.append(header());
        scenarios.forEach(s -> md.append(row(s)));
        md.append("\n### Every run of the scenario sweeps\n\n| scenario | jobs/min | requests/job | requests/min "
                + "| list/min | results/min | lag p50 s | lag p95 s | lag p99 s | lost-end p95 s | cancelled p95 s "
                + "| 429s | unfinished | backlog grows |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (ScenarioResults s : scenarios) {
            for (ScenarioRun run : s.sweep()) {
                RunResult r = run.run();
                md.append(String.format(Locale.ROOT,
                        "| %s | %s | %.2f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %d | %d | %s |%n",
                        s.scenario().label(), Workload.rate(r.workload().jobsPerMinute()), r.requestsPerJob(),
                        run.requestsPerMinute(), run.listPerMinute(), run.resultsPerMinute(), fmt(r.lag().p50(), 1),
                        fmt(r.lag().p95(), 1), fmt(r.lag().p99(), 1), fmt(run.lostEndLag().p95(), 1),
                        fmt(run.cancelledLag().p95(), 1), r.rateLimited(), r.unfinished(),
                        r.backlogGrowing() ? "yes" : "no"));
            }
        }
        return md.append('\n').toString();
    }

    /** The summary table's header; docs/polling.md (Detection scenarios) pastes it with its rows. */
    static String header() {
        return "| scenario | sustainable jobs/min (p95 ≤ 10 s) | sustainable jobs/min (p95 ≤ 5 s) | lag p50 s "
                + "| lag p95 s | lag p99 s | requests/job | requests/min | lost-end p95 s | cancelled p95 s "
                + "| max 429s in a run | stream pauses | lost |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    }

    static String row(ScenarioResults s) {
        ScenarioRun light = s.at(LIGHT).orElseThrow();
        RunResult r = light.run();
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f | %.1f | %s | %s | %d | %d | %d |%n",
                s.scenario().label(), Workload.rate(s.sustainableJobsPerMinute(10)),
                Workload.rate(s.sustainableJobsPerMinute(5)), fmt(r.lag().p50(), 1), fmt(r.lag().p95(), 1),
                fmt(r.lag().p99(), 1), r.requestsPerJob(), light.requestsPerMinute(),
                fmt(light.lostEndLag().p95(), 1), fmt(light.cancelledLag().p95(), 1), s.max429s(), s.streamPauses(),
                s.lost());
    }

    /** The line scripts compare runs by. */
    static String summary(ScenarioResults s) {
        ScenarioRun light = s.at(LIGHT).orElseThrow();
        RunResult r = light.run();
        return String.format(Locale.ROOT,
                "summary scenario=\"%s\" sustainable_p95_10s_jobs_per_min=%s sustainable_p95_5s_jobs_per_min=%s "
                        + "light_p50_lag_s=%s light_p95_lag_s=%s light_p99_lag_s=%s light_requests_per_job=%.2f "
                        + "light_requests_per_min=%.1f light_lost_end_p95_s=%s light_cancelled_p95_s=%s max_429=%d "
                        + "stream_pauses=%d lost=%d",
                s.scenario().label(), Workload.rate(s.sustainableJobsPerMinute(10)),
                Workload.rate(s.sustainableJobsPerMinute(5)), fmt(r.lag().p50(), 1), fmt(r.lag().p95(), 1),
                fmt(r.lag().p99(), 1), r.requestsPerJob(), light.requestsPerMinute(),
                fmt(light.lostEndLag().p95(), 1), fmt(light.cancelledLag().p95(), 1), s.max429s(), s.streamPauses(),
                s.lost());
    }
}

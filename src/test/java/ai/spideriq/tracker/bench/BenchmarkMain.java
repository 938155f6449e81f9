package ai.spideriq.tracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs the poll-strategy benchmark and writes {@code target/bench/results.md} and {@code target/bench/lag-vs-rate.svg},
 * then prints one {@code summary ...} line per strategy. Run it with {@value Environment#COMMAND} (after
 * {@code package}: the end-to-end layers start the packaged service). System properties: {@code bench.seed} (default
 * 42), {@code bench.layers} (default {@code virtual,scenarios,memory,e2e,ceiling}; also {@code fleet}, 1 vs 3 replicas); for
 * the detection scenarios also
 * {@code bench.scenarios} (labels separated by {@code ;}, default {@code all}) and {@code bench.overrides} (tracker
 * settings as {@code key=value} separated by {@code ,}, applied to every scenario, default {@code none}: side runs of
 * other settings).
 */
public final class BenchmarkMain {

    static final double E2E_COMPRESSION = 10;
    static final double E2E_HIGHER_JOBS_PER_MINUTE = 30;
    private static final Duration E2E_WARM_UP = Duration.ofMinutes(2);
    private static final Duration E2E_WINDOW = Duration.ofMinutes(10);
    private static final Duration E2E_DRAIN_CAP = Duration.ofMinutes(10);
    private static final int CEILING_JOBS = 5_000;
    private static final int MEMORY_JOBS = 100_000;
    private static final Path OUT = Path.of("target", "bench");

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        long seed = Long.getLong("bench.seed", 42);
        Set<String> layers = Set.of(System.getProperty("bench.layers", "virtual,scenarios,memory,e2e,ceiling").split(","));
        Files.createDirectories(OUT);
        Environment environment = Environment.current(seed);

        TrackerMemory.Result memory = null;
        if (layers.contains("memory")) {
            memory = TrackerMemory.measure(MEMORY_JOBS, seed);
            log("memory: %d jobs in flight, %d bytes per job", memory.jobs(), memory.bytesPerJob());
        }
        List<StrategyResults> virtual = layers.contains("virtual")
                ? VirtualBenchmark.run(seed, BenchmarkMain::progress)
                : List.of();
        List<ScenarioResults> scenarios = layers.contains("scenarios")
                ? ScenarioBenchmark.run(seed, listed(System.getProperty("bench.scenarios", "all"), ";"),
                        settings(System.getProperty("bench.overrides", "none")), BenchmarkMain::progress)
                : List.of();
        List<ScenarioResults> fleet = layers.contains("fleet")
                ? FleetBenchmark.run(seed, BenchmarkMain::progress)
                : List.of();
        List<RunResult[]> e2e = new ArrayList<>();
        if (layers.contains("e2e")) {
            List<Workload> workloads = List.of(
                    Workloads.reference(seed, VirtualBenchmark.LIGHT_JOBS_PER_MINUTE, E2E_WARM_UP, E2E_WINDOW,
                            E2E_DRAIN_CAP),
                    Workloads.reference(seed, E2E_HIGHER_JOBS_PER_MINUTE, E2E_WARM_UP, E2E_WINDOW, E2E_DRAIN_CAP));
            List<RunResult> real = EndToEndRun.run(workloads, E2E_COMPRESSION, seed, OUT);
            for (int i = 0; i < workloads.size(); i++) {
                RunResult twin = VirtualRun.run(Strategy.TRACKER, workloads.get(i), seed);
                progress(real.get(i));
                progress(twin);
                e2e.add(new RunResult[] { real.get(i), twin });
            }
        }
        PipelineCeiling.Result ceiling = null;
        if (layers.contains("ceiling")) {
            ceiling = PipelineCeiling.run(CEILING_JOBS, seed, OUT);
            log("ceiling: %d jobs, %.0f submitted/s, %.0f outcomes/s overall, %.0f outcomes/s steady, %d outcomes",
                    ceiling.jobs(), ceiling.submittedPerSecond(), ceiling.outcomesPerSecond(),
                    ceiling.steadyPerSecond(), ceiling.outcomes());
        }

        Files.writeString(OUT.resolve("results.md"),
                new ResultsReport().render(environment, virtual, scenarios, fleet, e2e, ceiling, memory));
        if (!virtual.isEmpty()) {
            Files.writeString(OUT.resolve("lag-vs-rate.svg"), LagChart.svg(virtual));
        }
        log("wrote %s", OUT.resolve("results.md"));
        for (StrategyResults s : virtual) {
            System.out.println(summary(s, e2e));
        }
        scenarios.forEach(s -> System.out.println(ScenarioReport.summary(s)));
        if (!fleet.isEmpty()) {
            System.out.println(FleetBenchmark.summary(fleet));
        }
    }

    /** Items of a property; {@code all} and {@code none} (the pom's defaults) stand for no items. */
    private static Set<String> listed(String text, String separator) {
        if (text.equals("all") || text.equals("none")) {
            return Set.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }

    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : listed(text, ",")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("bench.overrides wants key=value pairs, not " + pair);
            }
            settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return settings;
    }

    /** The line scripts compare runs by; the tracker's also counts its end-to-end runs. */
    private static String summary(StrategyResults s, List<RunResult[]> e2e) {
        List<RunResult> runs = new ArrayList<>(s.all());
        if (s.strategy() == Strategy.TRACKER) {
            e2e.forEach(pair -> runs.add(pair[0]));
        }
        RunResult light = s.at(VirtualBenchmark.LIGHT_JOBS_PER_MINUTE).orElseThrow();
        return String.format(Locale.ROOT,
                "summary strategy=%s sustainable_jobs_per_min=%s light_requests_per_job=%.2f light_p95_lag_s=%s "
                        + "max_429=%d lost=%d",
                s.strategy().label(), Workload.rate(s.sustainableJobsPerMinute()), light.requestsPerJob(),
                ResultsReport.fmt(light.lag().p95(), 1), runs.stream().mapToLong(RunResult::rateLimited).max().orElse(0),
                runs.stream().mapToInt(RunResult::lost).sum());
    }

    private static void progress(ScenarioRun s) {
        progress(s.run());
        log("        requests/min=%.1f (list %.1f, results %.1f, events %.1f) lost_end_p95=%ss cancelled_p95=%ss "
                + "stream_pauses=%d", s.requestsPerMinute(), s.listPerMinute(), s.resultsPerMinute(),
                s.eventsPerMinute(), ResultsReport.fmt(s.lostEndLag().p95(), 1),
                ResultsReport.fmt(s.cancelledLag().p95(), 1), s.streamPauses());
    }

    private static void progress(RunResult r) {
        log("%-7s %-8s %-24s jobs=%d requests/job=%.2f p50=%ss p95=%ss p99=%ss 429s=%d lost=%d unfinished=%d "
                + "backlog_grows=%s (%d ms)", r.layer(), r.strategy(), r.workload().label(), r.jobs(),
                r.requestsPerJob(), ResultsReport.fmt(r.lag().p50(), 1), ResultsReport.fmt(r.lag().p95(), 1),
                ResultsReport.fmt(r.lag().p99(), 1), r.rateLimited(), r.lost(), r.unfinished(), r.backlogGrowing(),
                r.wallMillis());
    }

    private static void log(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}

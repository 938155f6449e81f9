package ai.spideriq.tracker.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where and how a benchmark ran, for the report's header, and what its columns mean. */
record Environment(Instant date, int cores, String jdk, String os, long seed) {

    static final String COMMAND = "./mvnw -B -ntp -Pbench verify";

    static final String DEFINITIONS = """
            ## How to read this

            - **Workloads** (all drawn from the seed, identical for every strategy): reference mix = Poisson arrivals; \
            70 % spiderSite (lognormal duration, median 20 s, σ 0.6), 30 % spiderMaps (median 45 s, σ 0.6); 5 % \
            failed, 2 % cancelled. Long tail = the same with 5 % of jobs taking 10 to 60 min. Burst = reference-mix \
            jobs all submitted at once. Sweep runs: 10 min warm-up (not measured), 60 min measured window, then up \
            to 30 min of drain.
            - **Strategies**: seed = the docs' client (`/status` every 3 s, then `/results`; no limiter); backoff = \
            per-job 2 s × 1.5 capped at 30 s on `/results`, FIFO through a shared 100/min bucket (burst 10); \
            tracker = the service's `JobTracker` + `PollDispatcher` + `ApiRateLimiter` as configured by default \
            (its 90/min share of the account).
            - **API**: the simulator core with SpiderIQ's limit (100 per 60 s window plus a burst-20 bucket) answering \
            429s; 100 ms latency on the virtual clock.
            - **requests/job**: every request the simulator answered (429s included), over the run's jobs.
            - **lag**: outcome published − the simulator's true end of the job, over the jobs submitted after the \
            warm-up; nearest-rank percentiles.
            - **lost**: jobs with no outcome that the strategy no longer tracks (must be 0). **unfinished**: jobs \
            still tracked without an outcome when the drain cap ran out.
            - **backlog grows**: jobs that had ended but were not yet detected, sampled every 30 s of the window: \
            mean of the last third above 1.5 × the mean of the first third + 5.
            - **sustainable jobs/min**: the highest swept rate at which, as at every lower rate, p95 lag < 10 s, \
            the backlog does not grow and nothing is unfinished or lost (0 when even 5 jobs/min misses it). A run is \
            **saturated** when its backlog grows, jobs are unfinished or p95 lag passes 60 s; "not saturated up to" \
            is the highest swept rate below the first saturated one. The sweep stops after two saturated rates in a \
            row.
            - **end to end**: the packaged jar against the in-JVM Kafka broker and the simulator over HTTP, every \
            duration and the rate compressed by the same factor; times are reported uncompressed. SpiderIQ's \
            headers count whole seconds (`Retry-After`, `X-RateLimit-Reset`), which compression stretches.
            """;

    static Environment current(long seed) {
        Runtime runtime = Runtime.getRuntime();
        return new Environment(Instant.now().truncatedTo(ChronoUnit.SECONDS), runtime.availableProcessors(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), seed);
    }

    String describe() {
        return "Run " + date + " on " + cores + " cores, JDK " + jdk + ", " + os + "; seed " + seed
                + ". Command: `" + COMMAND + "`.\n";
    }
}

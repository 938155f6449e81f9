/**
 * The poll-strategy benchmark: not a test (it asserts nothing about time), a report. It compares the docs' client
 * ({@code seed}), gax-style per-job backoff ({@code backoff}) and the service's own scheduler ({@code tracker}) under
 * SpiderIQ's 100 requests/minute on the same seeded job streams, in two layers:
 * <ul>
 * <li>virtual clock ({@link ai.spideriq.tracker.bench.VirtualRun}): the real {@code JobTracker},
 * {@code PollDispatcher} and {@code ApiRateLimiter} against the simulator core on a discrete-event loop
 * ({@link ai.spideriq.tracker.bench.VirtualTimers}); deterministic, hours of traffic in seconds;</li>
 * <li>end to end ({@link ai.spideriq.tracker.bench.EndToEndRun}): the packaged service, the in-JVM Kafka broker and
 * the simulator over HTTP with time compressed ten-fold, to confirm the virtual numbers; plus the pipeline's own
 * ceiling ({@link ai.spideriq.tracker.bench.PipelineCeiling}) and the tracker's memory per job in flight
 * ({@link ai.spideriq.tracker.bench.TrackerMemory}).</li>
 * </ul>
 * Run it with {@code ./mvnw -B -ntp -Pbench verify} (builds and packages the service, skips the test suite, then runs
 * {@link ai.spideriq.tracker.bench.BenchmarkMain}; about five minutes on two cores). Options:
 * {@code -Dbench.seed=42}, {@code -Dbench.layers=virtual,memory,e2e,ceiling}. It writes
 * {@code target/bench/results.md} and {@code target/bench/lag-vs-rate.svg} and ends with one line per strategy:
 * {@code summary strategy=<name> sustainable_jobs_per_min=<n> light_requests_per_job=<x> light_p95_lag_s=<y>
 * max_429=<k> lost=<n>}. The {@code fleet} layer (not in the default) runs 1 and 3 replicas of the tracker on one
 * split budget ({@link ai.spideriq.tracker.bench.FleetStrategy}) and ends with {@code summary fleet ...}.
 */
package ai.spideriq.tracker.bench;

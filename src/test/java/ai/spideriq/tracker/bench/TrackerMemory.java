package ai.spideriq.tracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.simulator.VirtualClock;
import ai.spideriq.tracker.testing.ShippedConfig;
import ai.spideriq.tracker.tracking.JobTracker;
import ai.spideriq.tracker.tracking.TrackingPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Heap held by the real {@link JobTracker} with many jobs in flight, each registered with its own trace header, then
 * ten virtual minutes of polling (every answer "processing") so the dispatcher's queue and the jobs' states are as
 * they would be in service. Heap is measured after full collections, before and after.
 */
final class TrackerMemory {

    /**
     * @param jobs jobs in flight
     * @param heapBytes heap used with them, after GC
     * @param baselineBytes heap used before they were registered, after GC
     */
    record Result(int jobs, long heapBytes, long baselineBytes) {

        long bytesPerJob() {
            return (heapBytes - baselineBytes) / jobs;
        }
    }

    private TrackerMemory() {
    }

    static Result measure(int jobs, long seed) {
        TrackerConfig config = ShippedConfig.load();
        VirtualClock clock = new VirtualClock(Instant.parse("2026-01-05T09:00:00Z"));
        VirtualTimers timers = new VirtualTimers(clock);
        ApiRateLimiter limiter = new ApiRateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().burst(),
                clock);
        PollResult processing = new PollResult.Running("processing", "spiderSite");
        long baseline = usedAfterGc();
        JobTracker tracker = new JobTracker(Runnable::run, clock, timers, limiter,
                jobId -> Uni.createFrom().emitter(answer -> timers.schedule(VirtualRun.API_LATENCY,
                        () -> answer.complete(processing))),
                InstantInFlightLog.INSTANCE,
                new RecordingOutcomes((id, at) -> {
                }), new TrackerMetrics(new SimpleMeterRegistry()), TrackingPolicy.of(config),
                new SplittableRandom(seed));
        SplittableRandom ids = new SplittableRandom(seed);
        for (int i = 0; i < jobs; i++) {
            // Each submission carries its own W3C trace context, which the outcome passes back.
            Map<String, String> headers = Map.of("traceparent", String.format("00-%016x%016x-%016x-01",
                    ids.nextLong(), ids.nextLong(), ids.nextLong()));
            tracker.register(new UUID(ids.nextLong(), ids.nextLong()), i % 10 < 7 ? "spiderSite" : "spiderMaps",
                    i % 3, i / 3, headers).subscribe().with(registration -> {
                    });
        }
        timers.runUntil(clock.instant().plus(Duration.ofMinutes(10)));
        if (tracker.inFlight() != jobs) {
            throw new IllegalStateException("expected " + jobs + " jobs in flight, found " + tracker.inFlight());
        }
        long used = usedAfterGc();
        // Keeps the tracker (and so everything it holds) reachable until the measurement is taken.
        return new Result(tracker.inFlight(), used, baseline);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

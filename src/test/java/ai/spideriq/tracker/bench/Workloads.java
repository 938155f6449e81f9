package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;

/**
 * The workloads, each drawn from a seed: the reference mix (Poisson arrivals; 70 % spiderSite with lognormal
 * durations of median 20 s, 30 % spiderMaps of median 45 s, σ 0.6; 5 % failed, 2 % cancelled), the long-tail mix (the
 * same, but 5 % of jobs take 10 to 60 minutes) and a burst of jobs submitted at once.
 */
final class Workloads {

    private static final double SITE_SHARE = 0.70;
    private static final Duration SITE_MEDIAN = Duration.ofSeconds(20);
    private static final Duration MAPS_MEDIAN = Duration.ofSeconds(45);
    private static final double SIGMA = 0.6;
    private static final double FAILED = 0.05;
    private static final double CANCELLED = 0.02;
    private static final double LONG_TAIL_SHARE = 0.05;
    private static final Duration LONG_TAIL_MIN = Duration.ofMinutes(10);
    private static final Duration LONG_TAIL_MAX = Duration.ofMinutes(60);

    private Workloads() {
    }

    static Workload reference(long seed, double jobsPerMinute, Duration warmUp, Duration window, Duration drainCap) {
        return poisson("reference", seed, jobsPerMinute, 0, warmUp, window, drainCap);
    }

    static Workload longTail(long seed, double jobsPerMinute, Duration warmUp, Duration window, Duration drainCap) {
        return poisson("long-tail", seed, jobsPerMinute, LONG_TAIL_SHARE, warmUp, window, drainCap);
    }

    /** {@code count} reference-mix jobs submitted at the same instant; all of them are measured. */
    static Workload burst(long seed, int count, Duration drainCap) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JobArrival> arrivals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arrivals.add(new JobArrival(Duration.ZERO, job(random, 0), true));
        }
        return new Workload("burst", count, Duration.ZERO, Duration.ZERO, drainCap, arrivals);
    }

    private static Workload poisson(String kind, long seed, double jobsPerMinute, double longTailShare,
            Duration warmUp, Duration window, Duration drainCap) {
        SplittableRandom random = new SplittableRandom(seed);
        double meanGapNanos = Duration.ofMinutes(1).toNanos() / jobsPerMinute;
        long end = warmUp.plus(window).toNanos();
        List<JobArrival> arrivals = new ArrayList<>();
        long t = 0;
        while (true) {
            t += (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
            if (t >= end) {
                return new Workload(kind, jobsPerMinute, warmUp, window, drainCap, arrivals);
            }
            arrivals.add(new JobArrival(Duration.ofNanos(t), job(random, longTailShare), t >= warmUp.toNanos()));
        }
    }

    private static JobSpec job(SplittableRandom random, double longTailShare) {
        boolean site = random.nextDouble() < SITE_SHARE;
        SimulatedJobType type = site ? SimulatedJobType.SPIDER_SITE : SimulatedJobType.SPIDER_MAPS;
        Duration duration = random.nextDouble() < longTailShare
                ? Duration.ofNanos(random.nextLong(LONG_TAIL_MIN.toNanos(), LONG_TAIL_MAX.toNanos()))
                : Duration.ofNanos((long) ((site ? SITE_MEDIAN : MAPS_MEDIAN).toNanos()
                        * Math.exp(SIGMA * random.nextGaussian())));
        double u = random.nextDouble();
        SimulatedOutcome outcome = u < FAILED ? SimulatedOutcome.FAILED
                : u < FAILED + CANCELLED ? SimulatedOutcome.CANCELLED : SimulatedOutcome.COMPLETED;
        List<String> variants = type.docsVariants();
        String id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        // The whole duration is processing time: the simulator's queue phase is part of the drawn duration here.
        return new JobSpec(id, type, Duration.ZERO, duration, outcome, variants.get(random.nextInt(variants.size())));
    }
}

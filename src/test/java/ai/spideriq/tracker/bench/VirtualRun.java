package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Function;

import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.simulator.VirtualClock;

/**
 * One strategy against one workload on virtual time: a fresh simulator (the API's own limit, 100 per 60 s with a
 * burst of 20, answers the 429s), the jobs submitted at their moments, the backlog sampled every 30 s of the
 * measured window, then a drain until every job has its outcome or the drain cap runs out.
 */
final class VirtualRun {

    static final Duration API_LATENCY = Duration.ofMillis(100);
    /** The event stream is best effort: the benchmark loses this share of its events. */
    static final double EVENT_DROP_RATE = 0.02;
    /** How often the simulator hands due events to open streams, as its HTTP route does. */
    private static final Duration EVENT_TICK = Duration.ofMillis(100);
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

    private VirtualRun() {
    }

    private static void tick(VirtualTimers timers, SpiderIqSimulator simulator) {
        timers.schedule(EVENT_TICK, () -> {
            simulator.deliverDueEvents();
            tick(timers, simulator);
        });
    }

    static RunResult run(Strategy strategy, Workload workload, long seed) {
        return run(strategy.label(), strategy::create, workload, seed);
    }

    /** The same for a strategy built on the spot, such as the tracker with other settings. */
    static RunResult run(String label, Function<PollStrategy.Context, PollStrategy> strategy, Workload workload,
            long seed) {
        long wallStart = System.nanoTime();
        VirtualClock clock = new VirtualClock(START);
        VirtualTimers timers = new VirtualTimers(clock);
        // Job draws are all fixed by the workload; the log keeps little since only its totals are read.
        SpiderIqSimulator simulator = new SpiderIqSimulator(
                SimulatorSettings.builder().requestLogMaxEntries(1).eventDropRate(EVENT_DROP_RATE).build(), clock,
                new SplittableRandom(seed));
        tick(timers, simulator);
        RunRecorder recorder = new RunRecorder();
        PollStrategy polling = strategy.apply(new PollStrategy.Context(clock, timers,
                new SimulatedApi(simulator, timers, API_LATENCY), recorder::outcome, seed));

        long sequence = 0;
        for (JobArrival arrival : workload.arrivals()) {
            long n = sequence++;
            timers.at(START.plus(arrival.at()), () -> {
                SimulatedJob job = simulator.create(arrival.spec());
                recorder.submitted(job, arrival.measured());
                polling.submit(job, n);
            });
        }
        Instant arrivalsEnd = START.plus(workload.arrivalsEnd());
        for (Instant t = START.plus(workload.warmUp()).plus(SAMPLE_EVERY); !t.isAfter(arrivalsEnd);
                t = t.plus(SAMPLE_EVERY)) {
            Instant at = t;
            timers.at(at, () -> recorder.sampleBacklog(at));
        }
        timers.runUntil(arrivalsEnd);
        timers.runUntil(arrivalsEnd.plus(workload.drainCap()), recorder::allDone);

        return recorder.result("virtual", label, workload, simulator.stats().total(),
                simulator.stats().rateLimited(), polling::isTracking, arrivalsEnd, 1,
                (System.nanoTime() - wallStart) / 1_000_000);
    }
}

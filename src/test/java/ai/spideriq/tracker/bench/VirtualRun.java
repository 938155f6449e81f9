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
 * burst of 20, answers the 429s) under given {@link ApiConditions}, the jobs submitted at their moments, the backlog
 * sampled every 30 s of the measured window, then a drain until every job has its outcome or the drain cap runs out.
 */
final class VirtualRun {

    static final Duration API_LATENCY = Duration.ofMillis(100);
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
        return run(label, strategy, workload, seed, ApiConditions.STRATEGY_COMPARISON).run();
    }

    /** One run under {@code conditions}, with the detection scenarios' extra numbers. */
    static ScenarioRun run(String label, Function<PollStrategy.Context, PollStrategy> strategy, Workload workload,
            long seed, ApiConditions conditions) {
        long wallStart = System.nanoTime();
        VirtualClock clock = new VirtualClock(START);
        VirtualTimers timers = new VirtualTimers(clock);
        // Job draws are all fixed by the workload; the log keeps little since only its totals are read.
        SpiderIqSimulator simulator = new SpiderIqSimulator(SimulatorSettings.builder().requestLogMaxEntries(1)
                .eventDropRate(conditions.eventDropRate()).eventStreamMode(conditions.streamAtStart())
                .listMode(conditions.listMode()).build(), clock, new SplittableRandom(seed));
        if (conditions.streamAfterSwitch() != null) {
            timers.at(START.plus(ApiConditions.SWITCH_AT),
                    () -> simulator.setEventStreamMode(conditions.streamAfterSwitch()));
        }
        tick(timers, simulator);
        RunRecorder recorder = new RunRecorder();
        SimulatedApi api = new SimulatedApi(simulator, timers, API_LATENCY, recorder::endFrameReached);
        PollStrategy polling = strategy.apply(new PollStrategy.Context(clock, timers, api, recorder::outcome, seed));

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
        for (Instant t = START.plus(workload.warmUp()).plus(SAMPLE_EVERY); !t.isAfter(arrivalsEnd); t = t.plus(SAMPLE_EVERY)) {
            Instant at = t;
            timers.at(at, () -> recorder.sampleBacklog(at));
        }
        timers.runUntil(START.plus(workload.warmUp()));
        Window window = Window.open(simulator, api.counts());
        timers.runUntil(arrivalsEnd);
        window = window.close(simulator, api.counts());
        timers.runUntil(arrivalsEnd.plus(workload.drainCap()), recorder::allDone);

        RunResult result = recorder.result("virtual", label, workload, simulator.stats().total(),
                simulator.stats().rateLimited(), polling::isTracking, arrivalsEnd, 1,
                (System.nanoTime() - wallStart) / 1_000_000);
        double minutes = Math.max(1, workload.arrivalsEnd().minus(workload.warmUp()).toSeconds()) / 60.0;
        return new ScenarioRun(result, window.total / minutes, window.list / minutes, window.results / minutes,
                window.events / minutes, recorder.lostEndLag(), recorder.cancelledLag(),
                api.counts().rateLimited(EndpointCounts.EVENTS));
    }

    /** Requests sent in the measured window: counts at its start, then the differences at its end. */
    private record Window(long total, long list, long results, long events) {
        static Window open(SpiderIqSimulator simulator, EndpointCounts counts) {
            return new Window(simulator.stats().total(), counts.requests(EndpointCounts.LIST),
                    counts.requests(EndpointCounts.RESULTS), counts.requests(EndpointCounts.EVENTS));
        }

        Window close(SpiderIqSimulator simulator, EndpointCounts counts) {
            Window end = open(simulator, counts);
            return new Window(end.total - total, end.list - list, end.results - results, end.events - events);
        }
    }
}

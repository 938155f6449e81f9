package ai.spideriq.tracker.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.RequestRecord;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;

/** The jobs the end-to-end and packaged-service tests create at the simulator, and what they read of its requests. */
public final class SimulatorJobs {

    private SimulatorJobs() {
    }

    /** A job of {@code type} that starts at once and ends as {@code outcome} after {@code processing}; its ID. */
    public static String create(SpiderIqSimulator simulator, SimulatedJobType type, SimulatedOutcome outcome,
            Duration processing) {
        return simulator.create(JobSpec.of(type).withOutcome(outcome).withTimes(Duration.ZERO, processing)).jobId();
    }

    /** A spiderSite job that starts at once and completes after {@code processing}; its ID. */
    public static String completed(SpiderIqSimulator simulator, Duration processing) {
        return create(simulator, SimulatedJobType.SPIDER_SITE, SimulatedOutcome.COMPLETED, processing);
    }

    /** {@code count} of {@link #completed(SpiderIqSimulator, Duration)}. */
    public static List<String> completed(SpiderIqSimulator simulator, int count, Duration processing) {
        return IntStream.range(0, count).mapToObj(i -> completed(simulator, processing)).toList();
    }

    /** The most of {@code requests} answered within any one {@code window} of time. */
    public static int mostInAnyWindow(List<RequestRecord> requests, Duration window) {
        List<Instant> sorted = requests.stream().map(RequestRecord::time).sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (!sorted.get(from).plus(window).isAfter(sorted.get(to))) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}

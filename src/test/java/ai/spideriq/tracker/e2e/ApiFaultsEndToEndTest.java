package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.RequestRecord;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared limiter and the fault paths, against the simulator's own limit. Time is compressed ten-fold in the test
 * profile: the simulator allows 100 requests per 6 s, the tracker 900 per minute with a burst of 10, that is at most
 * 10 + 89 = 99 in any 6 s.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ApiFaultsEndToEndTest {

    private static final Duration SIMULATOR_WINDOW = Duration.ofSeconds(6);
    private static final int SIMULATOR_LIMIT = 100;
    /** The 89 the tracker's bucket refills in a simulator window: a window with more saw the limiter at its pace. */
    private static final int TRACKER_REFILL_PER_WINDOW = 89;

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void theLimiterKeepsA429AwayUnderALoadAboveTheLimit() {
        long rateLimitedBefore = simulator.stats().rateLimited();
        Instant start = simulator.now();
        // 160 jobs that all end between 2 and 5.2 s from now: each needs at least one request once it has ended (the
        // stream or a poll finds it, then its results are read), so more than the simulator's 100 a window want to go
        // within a few seconds.
        List<String> jobs = IntStream.range(0, 160).mapToObj(i -> simulator.create(
                JobSpec.of(i % 3 == 0 ? SimulatedJobType.SPIDER_MAPS : SimulatedJobType.SPIDER_SITE)
                        .withTimes(Duration.ZERO, Duration.ofMillis(2000 + 20L * i)))
                .jobId()).toList();
        Submitter.submitIds(jobs);

        topics.awaitEach(jobs, Duration.ofSeconds(90));

        assertThat(simulator.stats().rateLimited() - rateLimitedBefore).isZero();
        List<RequestRecord> sent = simulator.requests().stream().filter(r -> !r.time().isBefore(start)).toList();
        int busiest = SimulatorJobs.mostInAnyWindow(sent, SIMULATOR_WINDOW);
        // The demand was above the limit: more requests than a window allows were sent...
        assertThat(sent).hasSizeGreaterThan(SIMULATOR_LIMIT);
        // ...so the limiter really held requests back: the busiest window ran at its pace (burst and refill)...
        assertThat(busiest).isGreaterThan(TRACKER_REFILL_PER_WINDOW);
        // ...and no window of the simulator's length ever saw more than it allows.
        assertThat(busiest).isLessThanOrEqualTo(SIMULATOR_LIMIT);
    }

    @Test
    void a429PausesPollingUntilRetryAfterAndEveryJobStillEnds() {
        List<String> jobs = SimulatorJobs.completed(simulator, 10, Duration.ofMillis(500));
        simulator.injectFaults(429, 3, Duration.ofSeconds(1));
        jobs.forEach(job -> Submitter.submitJob(job, "spiderSite"));

        topics.awaitEachCompleted(jobs);
        assertThat(simulator.pendingFaults()).isZero();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndEveryJobStillEnds() {
        List<String> jobs = SimulatorJobs.completed(simulator, 5, Duration.ofMillis(500));
        simulator.injectFaults(503, 8, null);
        jobs.forEach(job -> Submitter.submitJob(job, "spiderSite"));

        topics.awaitEach(jobs);
        Set<String> topicsUsed = jobs.stream().map(j -> topics.forKey(j).get(0).topic()).collect(Collectors.toSet());
        assertThat(topicsUsed).containsExactly("spideriq.jobs.completed");
    }
}

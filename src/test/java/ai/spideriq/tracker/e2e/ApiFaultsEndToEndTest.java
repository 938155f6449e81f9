package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.RequestRecord;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared limiter and the fault paths, against the simulator's own limit. Time is compressed ten-fold in the test
 * profile: the simulator allows 100 requests per 6 s, the tracker 900 per minute with a burst of 10.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ApiFaultsEndToEndTest {

    private static final Duration SIMULATOR_WINDOW = Duration.ofSeconds(6);

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void theLimiterKeepsA429AwayUnderALoadAboveTheLimit() {
        long rateLimitedBefore = simulator.stats().rateLimited();
        Instant start = simulator.now();
        // 80 jobs of 2-5 s, each polled every 0.3-2 s, want several hundred requests in a few seconds.
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            jobs.add(simulator.create(JobSpec.of(i % 3 == 0 ? SimulatedJobType.SPIDER_MAPS : SimulatedJobType.SPIDER_SITE)
                    .withTimes(Duration.ZERO, Duration.ofMillis(2000 + 40L * i))).jobId());
        }
        jobs.forEach(job -> Submitter.submit(job, job));

        await().atMost(Duration.ofSeconds(90)).until(() -> jobs.stream().allMatch(j -> !topics.forKey(j).isEmpty()));

        assertThat(simulator.stats().rateLimited() - rateLimitedBefore).isZero();
        List<Instant> sent = simulator.requests().stream().map(RequestRecord::time).filter(t -> !t.isBefore(start))
                .sorted().toList();
        // The demand was above the limit, so the limiter really held requests back...
        assertThat(jobs.size() * 3).isGreaterThan(100);
        // ...and no window of the simulator's length ever saw more than it allows.
        assertThat(mostInAnyWindow(sent, SIMULATOR_WINDOW)).isLessThanOrEqualTo(100);
    }

    @Test
    void a429PausesPollingUntilRetryAfterAndEveryJobStillEnds() {
        List<String> jobs = createJobs(10);
        simulator.injectFaults(429, 3, Duration.ofSeconds(1));
        jobs.forEach(job -> Submitter.submitJob(job, "spiderSite"));

        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream().allMatch(j -> !topics.forKey(j).isEmpty()));
        assertThat(jobs).allSatisfy(j -> assertThat(topics.forKey(j).get(0).topic()).isEqualTo("spideriq.jobs.completed"));
        assertThat(simulator.pendingFaults()).isZero();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndEveryJobStillEnds() {
        List<String> jobs = createJobs(5);
        simulator.injectFaults(503, 8, null);
        jobs.forEach(job -> Submitter.submitJob(job, "spiderSite"));

        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream().allMatch(j -> !topics.forKey(j).isEmpty()));
        Set<String> topicsUsed = jobs.stream().map(j -> topics.forKey(j).get(0).topic()).collect(Collectors.toSet());
        assertThat(topicsUsed).containsExactly("spideriq.jobs.completed");
    }

    private List<String> createJobs(int count) {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE)
                    .withOutcome(ai.spideriq.tracker.simulator.SimulatedOutcome.COMPLETED)
                    .withTimes(Duration.ZERO, Duration.ofMillis(500))).jobId());
        }
        return jobs;
    }

    private static int mostInAnyWindow(List<Instant> sorted, Duration window) {
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

package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.InFlightRecords;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;

/**
 * The packaged service, killed with SIGKILL in the middle of tracking and started again: no job is lost, jobs whose
 * outcome was out before the crash are not tracked again, and only jobs in flight at the crash may be published
 * twice. The broker and the simulator live in this JVM, so they outlive the service.
 */
class CrashRecoveryIT {

    private static final int JOBS = 60;
    private static final String INPUT = "spideriq.jobs.submitted.crash-recovery";
    /** The service's defaults (the event stream on) but for time, compressed ten-fold like the simulator's window. */
    private static final Map<String, String> COMPRESSED = Map.of("SPIDERIQ_EVENTS_ENABLED", "true",
            "SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "900", "SPIDERIQ_ERROR_BACKOFF_INITIAL_DELAY", "200ms",
            "SPIDERIQ_ERROR_BACKOFF_MAX_DELAY", "1s");

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(11, INPUT);

    @Test
    void aKilledTrackerLosesNoJobAndRepublishesOnlyWhatWasInFlight() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        TopicRecorder topics = TopicRecorder.get();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobs.add(SimulatorJobs.create(simulator, i % 2 == 0 ? SimulatedJobType.SPIDER_SITE : SimulatedJobType.SPIDER_MAPS,
                    i % 10 == 0 ? SimulatedOutcome.FAILED : SimulatedOutcome.COMPLETED, Duration.ofMillis(1000 + 250L * i)));
        }

        Process first = startTracker("first");
        Submitter.submitIds(INPUT, jobs);
        await().atMost(Duration.ofSeconds(90)).until(() -> topics.withOutcome(jobs).size() >= JOBS / 4);
        Set<String> endedBeforeCrash = topics.withOutcome(jobs);
        // Their in-flight records say so (ended, or already tombstoned), so "ended" is really ended for a restart.
        try (InFlightRecords inFlight = InFlightRecords.of(TrackerProcess.inFlightTopic(INPUT))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> endedBeforeCrash.stream()
                    .allMatch(inFlight::endedOrGone));
        }
        first.destroyForcibly().waitFor();
        assertThat(topics.withOutcome(jobs)).hasSizeLessThan(JOBS);

        Instant restartedAt = Instant.now();
        Process second = startTracker("second");
        try {
            topics.awaitEach(jobs, Duration.ofSeconds(120));
        } finally {
            second.destroy();
            second.waitFor();
        }

        Map<String, Integer> outcomes = jobs.stream()
                .collect(Collectors.toMap(job -> job, job -> topics.forKey(job).size()));
        assertThat(outcomes.values()).allMatch(count -> count >= 1);
        Set<String> duplicated = outcomes.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(duplicated).doesNotContainAnyElementsOf(endedBeforeCrash);
        assertThat(endedBeforeCrash).allSatisfy(job -> assertThat(simulator.requestsFor(job))
                .noneMatch(request -> request.time().isAfter(restartedAt)));
        assertThat(simulator.stats().rateLimited()).isZero();
    }

    private static Process startTracker(String name) throws IOException {
        return TrackerProcess.start("crash-recovery-" + name, INPUT, API.port(), COMPRESSED);
    }
}

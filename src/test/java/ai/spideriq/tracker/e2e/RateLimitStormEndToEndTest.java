package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * While the server keeps answering 429, each pause of the tracker ends with one probe, not with the bucket's burst:
 * a storm (429s less than half a Retry-After apart) is at most 2 answers long.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(RateLimitStormEndToEndTest.PollingOnly.class)
class RateLimitStormEndToEndTest {

    /** Without the event stream and the list sweeps every job is polled on its backoff: demand above the bucket's pace. */
    public static class PollingOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spideriq.events.enabled", "false", "spideriq.sweep.enabled", "false");
        }
    }

    private static final Logger LOG = Logger.getLogger(RateLimitStormEndToEndTest.class);
    private static final int LIMITED_ANSWERS = 12;

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void afterEachRetryAfterOneRequestProbesAndTheRestWait() {
        // The consumer owns its partitions before the storm's jobs are created, so that they are still running.
        String warmUp = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO, Duration.ZERO))
                .jobId();
        Submitter.submitJob(warmUp, "spiderSite");
        topics.awaitFirst(warmUp);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            jobs.add(simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO, Duration.ofSeconds(12)))
                    .jobId());
        }
        Instant submitted = simulator.now();
        jobs.forEach(job -> Submitter.submitJob(job, "spiderSite"));
        // Steady polling first: the bucket's burst is spent, requests go at its pace.
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.requests().stream()
                .filter(r -> !r.time().isBefore(submitted) && jobs.contains(r.jobId())).count() >= 40);

        Instant injected = simulator.now();
        given().contentType("application/json")
                .body("{\"status\":429,\"count\":" + LIMITED_ANSWERS + ",\"retry_after_seconds\":1}")
                .post("/simulator/faults").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.pendingFaults() == 0);
        List<Instant> limited = simulator.requests().stream().filter(r -> r.status() == 429)
                .map(RequestRecord::time).filter(t -> !t.isBefore(injected)).sorted().toList();
        List<Integer> storms = storms(limited, Duration.ofMillis(500));
        LOG.infof("429 storms after a Retry-After of 1 s: %s", storms);
        assertThat(limited).hasSize(LIMITED_ANSWERS);
        assertThat(storms).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(2));
        topics.awaitEach(jobs);
    }

    /** Sizes of the runs of 429s in which each follows the one before by less than {@code gap}. */
    private static List<Integer> storms(List<Instant> sorted, Duration gap) {
        List<Integer> sizes = new ArrayList<>();
        Instant previous = null;
        for (Instant at : sorted) {
            if (previous == null || !previous.plus(gap).isAfter(at)) {
                sizes.add(1);
            } else {
                sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
            }
            previous = at;
        }
        return sizes;
    }
}

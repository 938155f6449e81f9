package ai.spideriq.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.KafkaBrokerResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The periodic tasks are {@code @Scheduled} jobs under their own identities, their intervals read from the
 * configuration (the test profile's {@code rate-limit.auth-failure-pause} is 2 s, the reachability probe's 5 s by
 * default), and they fire once the application runs.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class PeriodicTasksTest {

    static final List<String> IDENTITIES = List.of("spideriq-summary-log", "spideriq-kafka-reachability",
            "spideriq-api-access-probe", "spideriq-rejection-log-flush", "spideriq-committed-offset-sweep");

    @Inject
    Scheduler scheduler;

    @Test
    void everyPeriodicTaskIsScheduledUnderItsIdentity() {
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(scheduler.getScheduledJobs()).extracting(Trigger::getId).containsAll(IDENTITIES);
        IDENTITIES.forEach(id -> assertThat(scheduler.isPaused(id)).as(id).isFalse());
    }

    @Test
    void theShortIntervalsFireWithinSeconds() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String id : List.of("spideriq-rejection-log-flush", "spideriq-api-access-probe",
                    "spideriq-kafka-reachability")) {
                assertThat(scheduler.getScheduledJob(id).getPreviousFireTime()).as(id).isNotNull();
            }
        });
    }
}

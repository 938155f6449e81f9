package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.JobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad records go to the dead-letter topic with their reason; consumption goes on. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class DeadLetterEndToEndTest {

    private static final String DLQ = "spideriq.jobs.submitted.dlq";

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void eachKindOfBadRecordIsDeadLetteredWithItsReasonAndGoodOnesAfterItAreTracked() {
        String tag = UUID.randomUUID().toString();
        Map<String, String> reasons = Map.of(
                "not-a-uuid-" + tag, "invalid_job_id",
                "{\"job_id\": \"" + tag, "malformed_json",
                "{\"job_id\":\"" + tag + "\",\"type\":\"spiderMail\"}", "unknown_job_type",
                "{\"type\":\"spiderSite\",\"tag\":\"" + tag + "\"}", "missing_job_id",
                "{\"job_id\":\"../../" + tag + "\"}", "invalid_job_id",
                "[\"" + tag + "\"]", "malformed_json",
                "{\"job_id\":\"" + tag + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}", "record_too_large");
        reasons.keySet().forEach(value -> Submitter.submit("bad-" + tag, value));
        Submitter.submit("bad-" + tag, (byte[]) null, null, Map.of());
        Submitter.submit(UUID.randomUUID().toString(), tag + "-not-a-job");
        String good = simulator.create(JobSpec.of(JobType.SPIDER_SITE)
                .withTimes(Duration.ZERO, Duration.ofMillis(500))).jobId();
        Submitter.submitJob(good, "spiderSite");

        await().atMost(Duration.ofSeconds(30)).until(() -> !topics.forKey(good).isEmpty());
        List<TopicRecorder.Seen> dead = topics.onTopic(DLQ).stream().filter(s -> ("bad-" + tag).equals(s.key()))
                .toList();
        assertThat(dead).hasSize(reasons.size() + 1);
        for (TopicRecorder.Seen seen : dead) {
            String expected = seen.value() == null ? "empty_record" : reasons.get(seen.value());
            assertThat(seen.headers()).containsEntry("spideriq-rejection-reason", expected);
            assertThat(seen.headers().get("dead-letter-reason")).startsWith(expected + ": ");
            assertThat(seen.headers()).containsEntry("dead-letter-topic", "spideriq.jobs.submitted");
            assertThat(seen.headers()).containsKeys("dead-letter-partition", "dead-letter-offset");
        }
        // The original bytes are kept, so the record can be fixed and replayed.
        assertThat(dead).extracting(TopicRecorder.Seen::value).containsAll(reasons.keySet());
        // No bad ID ever reached a URL.
        assertThat(simulator.requests()).noneMatch(r -> r.path().contains(tag));
    }

    @Test
    void aRecordWhoseKeyIsAnotherJobIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        String value = UUID.randomUUID().toString();
        Submitter.submit(key, value.getBytes(StandardCharsets.UTF_8), null, Map.of());

        TopicRecorder.Seen seen = await().atMost(Duration.ofSeconds(30))
                .until(() -> topics.forKey(key).stream().findFirst().orElse(null), s -> s != null);
        assertThat(seen.topic()).isEqualTo(DLQ);
        assertThat(seen.headers()).containsEntry("spideriq-rejection-reason", "key_mismatch");
    }
}

package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.outcome.OutcomePublisher;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.MarkdownCompendium;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Results of the sizes SpiderIQ really returns, on topics with the broker's default limits (about 1 MB): a 2.6 MB
 * compendium arrives whole, a 12 MB one as the explicit partial outcome, and a topic that refuses even that ends the
 * job loudly instead of holding it forever.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class LargeResultsEndToEndTest {

    private static final String PARTIAL = "spideriq_outcomes_partial_total";
    private static final String WRITE_FAILURES = "spideriq_kafka_write_failures_total";

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void aCompendiumOf2_6MbArrivesWhole() {
        String markdown = MarkdownCompendium.of(2_600_000, 26);
        String jobId = completedSiteJob(markdown);

        TopicRecorder.Seen seen = TopicRecorder.get().awaitFirst(jobId);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.completed");
        JsonNode outcome = seen.json();
        assertThat(outcome.get("data").get("markdown_compendium").asText()).isEqualTo(markdown);
        assertThat(outcome.has("partial")).isFalse();
        assertThat(seen.headers()).doesNotContainKey(OutcomePublisher.PARTIAL_HEADER);
        JobView.awaitGone(jobId);
    }

    @Test
    void aCompendiumOf12MbArrivesAsThePartialOutcomeNamingWhatItLeftOut() {
        double before = Metrics.sum(PARTIAL, "type=\"spiderSite\"");
        String jobId;
        try (LogCapture log = LogCapture.of(OutcomePublisher.class)) {
            jobId = completedSiteJob(MarkdownCompendium.of(12_000_000, 12));
            TopicRecorder.Seen seen = TopicRecorder.get().awaitFirst(jobId);
            assertThat(seen.topic()).isEqualTo("spideriq.jobs.completed");
            JsonNode outcome = seen.json();
            assertThat(outcome.get("status").asText()).isEqualTo("completed");
            assertThat(outcome.get("data").get("markdown_compendium").isNull()).isTrue();
            // What fits is kept: the contacts a consumer needs most are there.
            assertThat(outcome.get("data").get("emails").isArray()).isTrue();
            JsonNode partial = outcome.get("partial");
            assertThat(partial.get("reason").asText()).isEqualTo("record_too_large");
            assertThat(partial.get("omitted_fields").get(0).asText()).isEqualTo("data.markdown_compendium");
            assertThat(partial.get("whole_size_bytes").asInt()).isGreaterThan(12_000_000);
            assertThat(partial.get("results_url").asText()).endsWith("/api/v1/jobs/" + jobId + "/results");
            assertThat(seen.headers()).containsEntry(OutcomePublisher.PARTIAL_HEADER, "true");
            String warned = jobId;
            assertThat(log.messages(Level.WARNING)).filteredOn(m -> m.contains(warned)).hasSize(1);
        }
        JobView.awaitGone(jobId);
        assertThat(Metrics.sum(PARTIAL, "type=\"spiderSite\"")).isEqualTo(before + 1);
    }

    @Test
    void aTopicThatRefusesEvenTheSmallestOutcomeEndsTheJobLoudlyNotForever() {
        String[] tooLarge = { "reason=\"record_too_large\"", "topic=\"cancelled\"" };
        double before = Metrics.sum(WRITE_FAILURES, tooLarge);
        try (LogCapture log = LogCapture.of(WriteRetry.class)) {
            Topics.setConfig("spideriq.jobs.cancelled", "max.message.bytes", "100");
            String jobId = SimulatorJobs.create(simulator, SimulatedJobType.SPIDER_MAPS, SimulatedOutcome.CANCELLED,
                    Duration.ofMillis(300));
            Submitter.submitJob(jobId, "spiderMaps");

            JobView.awaitGone(jobId);
            assertThat(TopicRecorder.get().forKey(jobId)).isEmpty();
            assertThat(log.messages(Level.WARNING)).filteredOn(m -> m.contains(jobId) && m.contains("outcome"))
                    .hasSize(2).anyMatch(m -> m.contains("record_too_large"))
                    .anyMatch(m -> m.startsWith("Gave up"));
            assertThat(Metrics.sum(WRITE_FAILURES, tooLarge)).isGreaterThan(before);
            assertThat(Metrics.sum("spideriq_outcomes_unpublished_total", "topic=\"cancelled\"")).isPositive();
        } finally {
            Topics.setConfig("spideriq.jobs.cancelled", "max.message.bytes", null);
        }
    }

    private String completedSiteJob(String markdown) {
        String jobId = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withPayloadVariant("site-full-champ").withTimes(Duration.ZERO, Duration.ofMillis(500))).jobId();
        simulator.setCompendium(jobId, markdown);
        Submitter.submitJob(jobId, "spiderSite");
        return jobId;
    }
}

package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.spideriq.tracker.outcome.OutcomePublisher;
import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.MarkdownCompendium;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
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

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void aCompendiumOf2_6MbArrivesWhole() {
        String markdown = MarkdownCompendium.of(2_600_000, 26);
        String jobId = completedSiteJob(markdown);

        TopicRecorder.Seen seen = awaitOutcome(jobId);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.completed");
        JsonNode outcome = seen.json();
        assertThat(outcome.get("data").get("markdown_compendium").asText()).isEqualTo(markdown);
        assertThat(outcome.has("partial")).isFalse();
        assertThat(seen.headers()).doesNotContainKey(OutcomePublisher.PARTIAL_HEADER);
        awaitNotInFlight(jobId);
    }

    @Test
    void aCompendiumOf12MbArrivesAsThePartialOutcomeNamingWhatItLeftOut() {
        double before = metric("spideriq_outcomes_partial_total{type=\"spiderSite\"");
        String jobId;
        try (LogCapture log = LogCapture.of(OutcomePublisher.class)) {
            jobId = completedSiteJob(MarkdownCompendium.of(12_000_000, 12));
            TopicRecorder.Seen seen = awaitOutcome(jobId);
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
        awaitNotInFlight(jobId);
        assertThat(metric("spideriq_outcomes_partial_total{type=\"spiderSite\"")).isEqualTo(before + 1);
    }

    @Test
    void aTopicThatRefusesEvenTheSmallestOutcomeEndsTheJobLoudlyNotForever() throws Exception {
        ConfigResource cancelled = new ConfigResource(ConfigResource.Type.TOPIC, "spideriq.jobs.cancelled");
        double before = metric("spideriq_kafka_write_failures_total{reason=\"record_too_large\",topic=\"cancelled\"");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()));
                LogCapture log = LogCapture.of(WriteRetry.class)) {
            alter(admin, cancelled, new AlterConfigOp(new ConfigEntry("max.message.bytes", "100"),
                    AlterConfigOp.OpType.SET));
            try {
                String jobId = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withOutcome(SimulatedOutcome.CANCELLED)
                        .withTimes(Duration.ZERO, Duration.ofMillis(300))).jobId();
                Submitter.submitJob(jobId, "spiderMaps");

                awaitNotInFlight(jobId);
                assertThat(TopicRecorder.get().forKey(jobId)).isEmpty();
                assertThat(log.messages(Level.WARNING)).filteredOn(m -> m.contains(jobId) && m.contains("outcome"))
                        .hasSize(2).anyMatch(m -> m.contains("record_too_large"))
                        .anyMatch(m -> m.startsWith("Gave up"));
                assertThat(metric("spideriq_kafka_write_failures_total{reason=\"record_too_large\",topic=\"cancelled\""))
                        .isGreaterThan(before);
                assertThat(metric("spideriq_outcomes_unpublished_total{topic=\"cancelled\"")).isPositive();
            } finally {
                alter(admin, cancelled, new AlterConfigOp(new ConfigEntry("max.message.bytes", ""),
                        AlterConfigOp.OpType.DELETE));
            }
        }
    }

    private static void alter(Admin admin, ConfigResource topic, AlterConfigOp op) throws Exception {
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(10, TimeUnit.SECONDS);
    }

    private String completedSiteJob(String markdown) {
        String jobId = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withPayloadVariant("site-full-champ").withTimes(Duration.ZERO, Duration.ofMillis(500))).jobId();
        simulator.setCompendium(jobId, markdown);
        Submitter.submitJob(jobId, "spiderSite");
        return jobId;
    }

    private static TopicRecorder.Seen awaitOutcome(String jobId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> TopicRecorder.get().forKey(jobId).stream()
                .findFirst().orElse(null), s -> s != null);
    }

    private static void awaitNotInFlight(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/jobs/" + jobId).statusCode() == 404);
    }

    /** The sum of the samples of one series prefix on /q/metrics. */
    static double metric(String prefix) {
        return given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}

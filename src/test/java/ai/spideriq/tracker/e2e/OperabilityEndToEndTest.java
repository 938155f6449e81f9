package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.InFlightRecords;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** What the on-call operator relies on: health, metrics, the job view and the internal topic. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OperabilityEndToEndTest {

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void isLiveAndReadyWithKafkaAndAnAcceptedToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("spideriq-api-token"))
                .body("checks.find { it.name == 'spideriq-api-token' }.data.state", equalTo("accepted"))
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP")));
    }

    @Test
    void exportsEveryTrackerMetricAndNeverTheToken() throws Exception {
        String job = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withTimes(Duration.ZERO, Duration.ofMillis(300)))
                .jobId();
        Submitter.submitJob(job, "spiderMaps");
        Submitter.submit(null, "no-job-here");
        TopicRecorder.get().awaitFirst(job, Duration.ofSeconds(30));

        String scrape = await().atMost(Duration.ofSeconds(10)).until(Metrics::scrape,
                s -> s.contains("spideriq_intake_dead_lettered_total"));
        assertThat(TrackerMetrics.PROMETHEUS_NAMES).allSatisfy(name -> assertThat(scrape).contains(name));
        // .ci/check-deploy checks the alerts' and the dashboard's metrics against this scrape of the real service.
        Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape);
        assertThat(scrape).contains("spideriq_api_requests_seconds_count{endpoint=\"results\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max")
                .doesNotContain("sim-secret").doesNotContain("sim-key");
    }

    @Test
    void showsAJobInFlightAndAnswers404And400Otherwise() {
        String job = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO, Duration.ofSeconds(8)))
                .jobId();
        Submitter.submit(job, job.getBytes(), null, Map.of("x-correlation-id", "order-42"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/jobs/" + job).then()
                .statusCode(200).body("job_id", equalTo(job)).body("phase", oneOf("WAITING", "POLLING"))
                .body("headers.x-correlation-id", equalTo("order-42"))
                .body("next_poll_at", notNullValue())
                .body("last_status", oneOf("submitted", "queued", "processing")));
        given().get("/jobs/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/jobs/not-a-uuid").then().statusCode(400);
    }

    @Test
    void createdItsCompactedInFlightTopicPartitionedLikeTheInput() throws Exception {
        String topic = InFlightRecords.DEFAULT_TOPIC;
        KafkaCompanion kafka = KafkaBroker.companion();
        int partitions = kafka.topics().describe(topic).get(topic).partitions().size();
        Config config = kafka.getOrCreateAdminClient().describeConfigs(List.of(new ConfigResource(
                ConfigResource.Type.TOPIC, topic))).all().get(10, TimeUnit.SECONDS).values().iterator().next();
        assertThat(partitions).isEqualTo(KafkaBroker.SUBMITTED_PARTITIONS);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
}

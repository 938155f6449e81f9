package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The routes on a plain Vert.x server (no Quarkus boot), the simulator on a virtual clock. */
class SimulatorRoutesTest {

    private static final String AUTH = SimulatorFixture.AUTH;
    private static final VirtualClock CLOCK = new VirtualClock(SimulatorFixture.START);
    private static final SpiderIqSimulator SIMULATOR = new SpiderIqSimulator(SimulatorSettings.defaults(), CLOCK,
            new SplittableRandom(1));
    private static SimulatorServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = SimulatorServer.start(router -> SimulatorRoutes.mount(router, SIMULATOR));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        api().post("/simulator/reset").then().statusCode(204);
    }

    @Test
    void jobCreatedOverTheControlPlaneIsPolledToCompletionAndLogged() {
        String jobId = api().contentType(ContentType.JSON)
                .body("{\"type\":\"spiderSite\",\"queue_seconds\":1,\"processing_seconds\":4.5,"
                        + "\"outcome\":\"completed\",\"payload_variant\":\"site-minimal\"}")
                .post("/simulator/jobs")
                .then().statusCode(201)
                .body("jobs", hasSize(1))
                .body("jobs[0].ends_at", equalTo("2025-10-27T14:00:05.500Z"))
                .body("jobs[0].outcome", equalTo("completed"))
                .extract().path("jobs[0].job_id");

        api().header("Authorization", AUTH).get("/api/v1/jobs/" + jobId + "/results")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("queued"))
                .header("X-RateLimit-Limit", "100").header("X-RateLimit-Remaining", "99")
                .header("X-RateLimit-Reset", notNullValue());
        CLOCK.advance(Duration.ofMillis(5500));
        api().header("Authorization", AUTH).get("/api/v1/jobs/" + jobId + "/results")
                .then().statusCode(200)
                .body("job_id", equalTo(jobId))
                .body("data.url", equalTo("https://example.com"));
        api().header("Authorization", AUTH).get("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(200).body("status", equalTo("completed"));

        api().queryParam("job_id", jobId).get("/simulator/requests")
                .then().statusCode(200)
                .body("requests", hasSize(3))
                .body("requests.status", equalTo(java.util.List.of(202, 200, 200)))
                .body("requests[0].path", equalTo("/api/v1/jobs/" + jobId + "/results"));
        api().get("/simulator/stats").then().statusCode(200)
                .body("total", equalTo(3)).body("rate_limited", equalTo(0))
                .body("by_status.'200'", equalTo(2)).body("jobs", equalTo(1));
        api().get("/simulator/jobs/" + jobId).then().statusCode(200).body("state", equalTo("completed"));
    }

    @Test
    void drawnJobsFaultsCancellationAndErrors() {
        api().contentType(ContentType.JSON).body("{\"count\":3,\"type\":\"spiderMaps\"}").post("/simulator/jobs")
                .then().statusCode(201).body("jobs", hasSize(3)).body("jobs.type", equalTo(
                        java.util.List.of("spiderMaps", "spiderMaps", "spiderMaps")));
        String jobId = SIMULATOR.jobs().get(0).jobId();

        api().contentType(ContentType.JSON).body("{\"status\":503,\"count\":1,\"retry_after_seconds\":2}")
                .post("/simulator/faults").then().statusCode(200).body("pending_faults", equalTo(1));
        api().header("Authorization", AUTH).get("/api/v1/jobs/" + jobId + "/results")
                .then().statusCode(503).header("Retry-After", "2");

        api().header("Authorization", AUTH).delete("/api/v1/jobs/" + jobId)
                .then().statusCode(200).body("status", equalTo("cancelled"));
        api().header("Authorization", AUTH).get("/api/v1/jobs/" + jobId + "/results")
                .then().statusCode(410).body("status", equalTo("cancelled"));
        api().get("/api/v1/jobs/" + jobId + "/results")
                .then().statusCode(401).body("detail", equalTo("Invalid or missing credentials"));
        api().header("Authorization", AUTH).get("/api/v1/jobs/not-a-uuid/status")
                .then().statusCode(404).body("detail", equalTo("Job not found"));

        api().contentType(ContentType.JSON).body("{\"typo\":1}").post("/simulator/jobs")
                .then().statusCode(400).body("detail", equalTo("Unknown field: typo"));
        api().contentType(ContentType.JSON).body("{not json").post("/simulator/jobs").then().statusCode(400);
        api().get("/simulator/jobs/550e8400-e29b-41d4-a716-446655440000").then().statusCode(404);
        assertThat(SIMULATOR.stats().count(503)).isEqualTo(1);
    }

    private static RequestSpecification api() {
        return server.api();
    }
}

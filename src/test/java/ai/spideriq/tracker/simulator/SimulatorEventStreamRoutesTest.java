package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SseClient.END;
import static ai.spideriq.tracker.simulator.SseClient.frameAfter;
import static ai.spideriq.tracker.simulator.SseClient.readLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The event stream's frames over HTTP on a plain Vert.x server (no Quarkus boot), the simulator on a virtual clock. */
class SimulatorEventStreamRoutesTest {

    private static final VirtualClock CLOCK = new VirtualClock(SimulatorFixture.START);
    private static final SpiderIqSimulator SIMULATOR = new SpiderIqSimulator(SimulatorSettings.defaults(), CLOCK,
            new SplittableRandom(1));
    private static SimulatorServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = SimulatorServer.start(router -> SimulatorRoutes.mount(router, SIMULATOR,
                new EventStreamTiming(Duration.ofMillis(10))));
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
    void greetsWithConnectedThenStreamsEachJobEventAsDocumented() throws Exception {
        HttpResponse<InputStream> response = open(SimulatorSettings.DEFAULT_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        BlockingQueue<String> lines = readLines(response.body());
        List<String> skipped = new java.util.ArrayList<>();
        assertThat(frameAfter(lines, "event: connected", skipped)).containsExactly(
                "data: {\"client_id\":\"sim-client\",\"message\":\"Connected to event stream\"}", "");
        assertThat(skipped).as("connected is the first frame").isEmpty();

        String jobId = api().contentType(ContentType.JSON)
                .body("{\"type\":\"spiderSite\",\"queue_seconds\":0.5,\"processing_seconds\":1,\"outcome\":\"completed\"}")
                .post("/simulator/jobs").then().statusCode(201).extract().path("jobs[0].job_id");
        String workerId = SIMULATOR.job(jobId).orElseThrow().workerId();
        List<String> queued = frameAfter(lines, "event: job.queued");
        CLOCK.advance(Duration.ofSeconds(2));
        List<String> started = frameAfter(lines, "event: job.started");
        List<String> completed = frameAfter(lines, "event: job.completed");

        assertThat(queued).hasSize(2);
        assertThat(SimulatorFixture.json(queued.get(0).substring("data: ".length())).path("created_at").asText())
                .isEqualTo(JobResponseBodies.zoned(SIMULATOR.job(jobId).orElseThrow().createdAt()));
        assertThat(queued.get(0)).startsWith("data: {\"job_id\":\"" + jobId + "\",\"type\":\"spiderSite\",\"created_at\":");
        assertThat(started.get(0)).startsWith("data: {\"job_id\":\"" + jobId + "\",\"worker_id\":\"" + workerId
                + "\",\"started_at\":");
        assertThat(completed).containsExactly("data: {\"job_id\":\"" + jobId
                + "\",\"processing_time\":1.0,\"results_count\":1}", "");
        response.body().close();
    }

    @Test
    void sendsAHeartbeatEventEachIntervalOfTheSimulatorsClock() throws Exception {
        BlockingQueue<String> lines = readLines(open(SimulatorSettings.DEFAULT_TOKEN).body());
        frameAfter(lines, "event: connected");

        CLOCK.advance(Duration.ofSeconds(30));
        List<String> heartbeat = frameAfter(lines, "event: heartbeat");

        assertThat(heartbeat).hasSize(2);
        assertThat(heartbeat.get(0))
                .matches("data: \\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"}");
        assertThat(lines).noneMatch(line -> line.startsWith(":"));
    }

    @Test
    void disconnectEndsEveryOpenStream() throws Exception {
        BlockingQueue<String> first = readLines(open(SimulatorSettings.DEFAULT_TOKEN).body());
        BlockingQueue<String> second = readLines(open(SimulatorSettings.DEFAULT_TOKEN).body());

        api().post("/simulator/events/disconnect").then().statusCode(200).body("closed", equalTo(2));

        frameAfter(first, END);
        frameAfter(second, END);
        assertThat(SIMULATOR.openEventStreams()).isZero();
    }

    @Test
    void aClientHangingUpClosesItsSubscription() throws Exception {
        HttpResponse<InputStream> response = open(SimulatorSettings.DEFAULT_TOKEN);
        assertThat(SIMULATOR.openEventStreams()).isEqualTo(1);

        response.body().close();

        await().atMost(Duration.ofSeconds(10)).until(() -> SIMULATOR.openEventStreams() == 0);
    }

    @Test
    void aRefusedStreamAnswersLikeTheApi() throws Exception {
        HttpResponse<InputStream> response = open("sim-client:sim-key:wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"detail\":\"Invalid or missing credentials\"}");
        api().get("/simulator/requests").then().statusCode(200)
                .body("requests[0].path", equalTo("/api/v1/events/stream"))
                .body("requests[0].status", equalTo(401));
    }

    private static HttpResponse<InputStream> open(String token) throws Exception {
        return SseClient.open(server.port(), token);
    }

    private static RequestSpecification api() {
        return server.api();
    }
}

package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SseClient.END;
import static ai.spideriq.tracker.simulator.SseClient.assertNothingWithin;
import static ai.spideriq.tracker.simulator.SseClient.frameAfter;
import static ai.spideriq.tracker.simulator.SseClient.readLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Each failure mode of the event stream over HTTP, switched by {@code POST /simulator/events/mode}. */
class SimulatorEventStreamModesRoutesTest {

    private static final String TOKEN = SimulatorSettings.DEFAULT_TOKEN;
    private static final Duration QUIET_LOOK = Duration.ofMillis(500);
    private static final VirtualClock CLOCK = new VirtualClock(SimulatorFixture.START);
    private static final SpiderIqSimulator SIMULATOR = new SpiderIqSimulator(SimulatorSettings.defaults(), CLOCK,
            new SplittableRandom(5));
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
    void refuseAnswersTheChosenStatusWithTheDocsBodyAndIsLogged() throws Exception {
        mode("{\"mode\":\"refuse\",\"status\":429,\"retry_after_seconds\":7}")
                .body("mode", equalTo("refuse")).body("status", equalTo(429));
        HttpResponse<InputStream> limited = SseClient.open(server.port(), TOKEN);
        mode("{\"mode\":\"refuse\",\"status\":401}");
        HttpResponse<InputStream> unauthorized = SseClient.open(server.port(), TOKEN);
        mode("{\"mode\":\"refuse\",\"status\":502}");
        HttpResponse<InputStream> badGateway = SseClient.open(server.port(), TOKEN);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(body(limited)).isEqualTo("{\"detail\":\"Rate limit exceeded\"}");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(body(unauthorized)).isEqualTo("{\"detail\":\"Invalid or missing credentials\"}");
        assertThat(badGateway.statusCode()).isEqualTo(502);
        assertThat(badGateway.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(SIMULATOR.openEventStreams()).isZero();
        api().get("/simulator/requests").then().body("requests.status", equalTo(List.of(429, 401, 502)))
                .body("requests[0].path", equalTo("/api/v1/events/stream"));
    }

    @Test
    void stallAcceptsTheConnectionAndSendsNotOneByte() throws Exception {
        mode("{\"mode\":\"stall\"}");
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events/stream?token=" + TOKEN + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> SIMULATOR.openEventStreams() == 1);
            CLOCK.advance(Duration.ofMinutes(1));
            socket.setSoTimeout((int) QUIET_LOOK.toMillis());

            InputStream in = socket.getInputStream();
            assertThat(readOrTimeout(in)).as("bytes from a stalled stream").isEqualTo(-2);

            api().post("/simulator/events/disconnect").then().body("closed", equalTo(1));
            socket.setSoTimeout(10_000);
            assertThat(readOrTimeout(in)).as("the server ends the response once dropped").isNotEqualTo(-2);
        }
    }

    @Test
    void silentAfterStreamsNormallyThenNothingWhileTheConnectionStaysOpen() throws Exception {
        mode("{\"mode\":\"silent_after\",\"after_seconds\":10}").body("after_seconds", equalTo(10.0f));
        BlockingQueue<String> lines = readLines(SseClient.open(server.port(), TOKEN).body());
        frameAfter(lines, "event: connected");
        createJob("{\"queue_seconds\":1,\"processing_seconds\":1,\"outcome\":\"completed\"}");
        frameAfter(lines, "event: job.queued");

        CLOCK.advance(Duration.ofSeconds(45));

        assertNothingWithin(lines, QUIET_LOOK);
        assertThat(SIMULATOR.openEventStreams()).isEqualTo(1);
    }

    @Test
    void noHeartbeatsStillSendsConnectedAndJobEvents() throws Exception {
        mode("{\"mode\":\"no_heartbeats\"}");
        BlockingQueue<String> lines = readLines(SseClient.open(server.port(), TOKEN).body());
        frameAfter(lines, "event: connected");
        List<String> seen = new ArrayList<>();

        CLOCK.advance(Duration.ofSeconds(65));
        createJob("{\"queue_seconds\":0,\"processing_seconds\":1,\"outcome\":\"failed\"}");
        frameAfter(lines, "event: job.queued", seen);
        CLOCK.advance(Duration.ofSeconds(35));
        List<String> failed = frameAfter(lines, "event: job.failed", seen);

        assertThat(failed.get(0)).contains("\"error_message\":");
        assertThat(seen).noneMatch(line -> line.contains("heartbeat"));
    }

    @Test
    void malformedInterleavesGarbageWithTheRealEvents() throws Exception {
        mode("{\"mode\":\"malformed\"}");
        BlockingQueue<String> lines = readLines(SseClient.open(server.port(), TOKEN).body());
        List<String> seen = new ArrayList<>();
        frameAfter(lines, "this line has no colon", seen);
        frameAfter(lines, "data: {\"job_id\": \"550e8400-e29b-41d4", seen);
        frameAfter(lines, "data: {\"job_id\":\"not-a-uuid\",\"processing_time\":1.5,\"results_count\":0}", seen);
        frameAfter(lines, "event: campaign.updated", seen);
        assertThat(frameAfter(lines, "event: playbook.completed", seen))
                .containsExactly("data: {\"playbook_id\":\"pb-1\",", "data: \"status\":\"completed\"}", "");

        String jobId = createJob("{\"queue_seconds\":5,\"processing_seconds\":1}");
        List<String> beforeQueued = new ArrayList<>();
        List<String> queued = frameAfter(lines, "event: job.queued", beforeQueued);

        assertThat(seen.get(0)).isEqualTo("event: connected");
        assertThat(queued.get(0)).startsWith("data: {\"job_id\":\"" + jobId + "\"");
        assertThat(beforeQueued).as("a garbage frame before the real one").isNotEmpty();
    }

    @Test
    void errorSendsConnectedThenAnErrorEventThenCloses() throws Exception {
        mode("{\"mode\":\"error\"}");
        HttpResponse<InputStream> response = SseClient.open(server.port(), TOKEN);
        BlockingQueue<String> lines = readLines(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        frameAfter(lines, "event: connected");
        List<String> error = frameAfter(lines, "event: error");
        assertThat(error.get(0)).startsWith("data: {\"message\":\"");
        frameAfter(lines, END);
        await().atMost(Duration.ofSeconds(10)).until(() -> SIMULATOR.openEventStreams() == 0);
    }

    @Test
    void aModeSwitchLeavesOpenStreamsAloneUntilTheyAreDisconnected() throws Exception {
        BlockingQueue<String> open = readLines(SseClient.open(server.port(), TOKEN).body());
        frameAfter(open, "event: connected");

        mode("{\"mode\":\"refuse\",\"status\":403}");
        createJob("{\"queue_seconds\":5,\"processing_seconds\":1}");
        frameAfter(open, "event: job.queued");
        api().post("/simulator/events/disconnect").then().body("closed", equalTo(1));
        frameAfter(open, END);

        assertThat(SseClient.open(server.port(), TOKEN).statusCode()).isEqualTo(403);
        api().post("/simulator/reset").then().statusCode(204);
        assertThat(SseClient.open(server.port(), TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownModesAndMisplacedFieldsAreRefused() {
        for (String body : new String[] { "{\"mode\":\"sideways\"}", "{\"mode\":\"refuse\"}",
                "{\"mode\":\"refuse\",\"status\":200}", "{\"mode\":\"stall\",\"status\":500}",
                "{\"mode\":\"silent_after\"}", "{\"mode\":\"error\",\"after_seconds\":3}", "[]" }) {
            api().contentType(ContentType.JSON).body(body).post("/simulator/events/mode").then().statusCode(400);
        }
        assertThat(SIMULATOR.eventStreamMode()).isEqualTo(EventStreamMode.NORMAL);
    }

    /** The first byte, -1 at the end of the stream, -2 if none arrived within the socket's timeout. */
    private static int readOrTimeout(InputStream in) throws Exception {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }

    private static String body(HttpResponse<InputStream> response) throws Exception {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static io.restassured.response.ValidatableResponse mode(String body) {
        return api().contentType(ContentType.JSON).body(body).post("/simulator/events/mode").then().statusCode(200);
    }

    private static String createJob(String body) {
        return api().contentType(ContentType.JSON).body(body).post("/simulator/jobs").then().statusCode(201)
                .extract().path("jobs[0].job_id");
    }

    private static RequestSpecification api() {
        return server.api();
    }
}

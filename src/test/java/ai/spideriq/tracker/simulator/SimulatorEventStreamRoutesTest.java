package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream over HTTP on a plain Vert.x server (no Quarkus boot), the simulator on a virtual clock. */
class SimulatorEventStreamRoutesTest {

    private static final String END = "<end of stream>";
    private static final VirtualClock CLOCK = new VirtualClock(SimulatorFixture.START);
    private static final SpiderIqSimulator SIMULATOR =
            new SpiderIqSimulator(SimulatorSettings.defaults(), CLOCK, new SplittableRandom(1));
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static SimulatorServer server;

    @BeforeAll
    static void startServer() throws Exception {
        EventStreamTiming timing = new EventStreamTiming(Duration.ofMillis(200), Duration.ofMillis(10));
        server = SimulatorServer.start(router -> SimulatorRoutes.mount(router, SIMULATOR, timing));
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
    void streamsTheStartAndCompletionOfAJobCreatedOverTheControlPlane() throws Exception {
        HttpResponse<InputStream> response = open(SimulatorSettings.DEFAULT_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        BlockingQueue<String> lines = readLines(response.body());

        String jobId = api().contentType(ContentType.JSON)
                .body("{\"type\":\"spiderSite\",\"queue_seconds\":0.5,\"processing_seconds\":1,\"outcome\":\"completed\"}")
                .post("/simulator/jobs").then().statusCode(201).extract().path("jobs[0].job_id");
        CLOCK.advance(Duration.ofSeconds(2));

        List<String> started = frameAfter(lines, "event: job.started");
        List<String> completed = frameAfter(lines, "event: job.completed");
        assertThat(started.get(0)).isEqualTo("id: 1");
        assertThat(completed).containsExactly("id: 2", "data: {\"event\":\"job.completed\",\"job_id\":\"" + jobId
                + "\",\"type\":\"spiderSite\",\"status\":\"completed\",\"timestamp\":\"2025-10-27T14:00:01.500Z\"}", "");
        response.body().close();
    }

    @Test
    void sendsAKeepAliveCommentWhileIdle() throws Exception {
        HttpResponse<InputStream> response = open(SimulatorSettings.DEFAULT_TOKEN);
        BlockingQueue<String> lines = readLines(response.body());

        frameAfter(lines, ": keep-alive");
        response.body().close();
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
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + "/api/v1/events/stream?token=" + token))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads the body line by line on a daemon thread; {@link #END} once the server ends it. */
    private static BlockingQueue<String> readLines(InputStream body) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception e) {
                lines.add("<" + e + ">");
            }
            lines.add(END);
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Skips lines up to {@code marker}; returns the rest of its frame (up to and including the blank line). */
    private static List<String> frameAfter(BlockingQueue<String> lines, String marker) throws InterruptedException {
        String line;
        do {
            line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("waiting for " + marker).isNotNull();
            assertThat(line.equals(END) && !marker.equals(END)).as("stream ended before " + marker).isFalse();
        } while (!line.equals(marker));
        List<String> frame = new ArrayList<>();
        while (!marker.equals(END) && !line.isEmpty()) {
            line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("rest of the frame after " + marker).isNotNull();
            frame.add(line);
        }
        return frame;
    }

    private static RequestSpecification api() {
        return server.api();
    }
}

package ai.spideriq.tracker.simulator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** {@code GET /api/v1/jobs/list} and {@code POST /simulator/list/mode} over HTTP, the simulator on a virtual clock. */
class SimulatorJobListRoutesTest {

    private static final VirtualClock CLOCK = new VirtualClock(SimulatorFixture.START);
    private static final SpiderIqSimulator SIMULATOR = new SpiderIqSimulator(SimulatorSettings.defaults(), CLOCK,
            new SplittableRandom(3));
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
    void listsJobsNobodyTracksAsTheyAreNow() {
        String jobId = createJob("{\"type\":\"spiderMaps\",\"queue_seconds\":1,\"processing_seconds\":5,"
                + "\"outcome\":\"completed\"}");
        createJob("{\"type\":\"spiderSite\",\"queue_seconds\":100,\"processing_seconds\":5}");
        CLOCK.advance(Duration.ofSeconds(2));

        list().queryParam("type_filter", "spiderMaps").queryParam("page_size", 10).get("/api/v1/jobs/list")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("X-RateLimit-Limit", "100")
                .body("total", equalTo(1)).body("page", equalTo(1)).body("page_size", equalTo(10))
                .body("total_pages", equalTo(1))
                .body("jobs", hasSize(1))
                .body("jobs[0].job_id", equalTo(jobId))
                .body("jobs[0].status", equalTo("processing"))
                .body("jobs[0].updated_at", equalTo("2025-10-27T14:00:01Z"))
                .body("jobs[0].worker_id", startsWith("spider-maps-main-"));
        CLOCK.advance(Duration.ofSeconds(5));
        list().get("/api/v1/jobs/list").then().statusCode(200)
                .body("total", equalTo(2))
                .body("jobs.status", org.hamcrest.Matchers.hasItem("completed"));
    }

    @Test
    void refusesBadParametersAndBadCredentials() {
        list().queryParam("page_size", 101).get("/api/v1/jobs/list").then().statusCode(422)
                .body("detail[0].loc[1]", equalTo("page_size"));
        list().queryParam("status_filter", "running").get("/api/v1/jobs/list").then().statusCode(422);
        server.api().get("/api/v1/jobs/list").then().statusCode(401)
                .body("detail", equalTo("Invalid or missing credentials"));
        api().get("/simulator/requests").then().body("requests.path", hasSize(3))
                .body("requests[0].path", equalTo("/api/v1/jobs/list"));
    }

    @Test
    void eachListModeAnswersAsAskedUntilReset() {
        createJob("{\"type\":\"spiderSite\"}");

        mode("{\"mode\":\"missing\"}").body("mode", equalTo("missing"));
        list().get("/api/v1/jobs/list").then().statusCode(404).body("detail", equalTo("Not Found"));
        mode("{\"mode\":\"status\",\"status\":422}").body("status", equalTo(422));
        list().get("/api/v1/jobs/list").then().statusCode(422).body("detail", not(equalTo(null)));
        mode("{\"mode\":\"garbage\"}");
        String garbage = list().get("/api/v1/jobs/list").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(garbage)).isNotNull();
        mode("{\"mode\":\"wrong_shape\"}");
        list().get("/api/v1/jobs/list").then().statusCode(200).body("items", hasSize(1)).body("jobs", equalTo(null));
        mode("{\"mode\":\"empty\"}");
        list().get("/api/v1/jobs/list").then().statusCode(200).body("total", equalTo(0)).body("jobs", hasSize(0));
        mode("{\"mode\":\"normal\"}");
        list().get("/api/v1/jobs/list").then().statusCode(200).body("total", equalTo(1));

        mode("{\"mode\":\"missing\"}");
        api().post("/simulator/reset").then().statusCode(204);
        list().get("/api/v1/jobs/list").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aStalledListAcceptsTheRequestAndNeverAnswers() {
        mode("{\"mode\":\"stall\"}").body("mode", equalTo("stall"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list()
                .config(RestAssuredConfig.config()
                        .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 1000)))
                .get("/api/v1/jobs/list")).isInstanceOf(java.net.SocketTimeoutException.class);
        api().get("/simulator/requests").then().body("requests.path", hasSize(1)); // counted like any request
    }

    @Test
    void refusesUnknownModesAndMisplacedFields() {
        for (String body : new String[] { "{\"mode\":\"sideways\"}", "{\"mode\":\"status\"}",
                "{\"mode\":\"status\",\"status\":200}", "{\"mode\":\"garbage\",\"status\":500}",
                "{\"mode\":\"empty\",\"colour\":\"red\"}", "{}" }) {
            api().contentType(ContentType.JSON).body(body).post("/simulator/list/mode").then().statusCode(400)
                    .body("detail", not(equalTo(null)));
        }
        org.assertj.core.api.Assertions.assertThat(SIMULATOR.listMode()).isEqualTo(JobListMode.NORMAL);
    }

    private static io.restassured.response.ValidatableResponse mode(String body) {
        return api().contentType(ContentType.JSON).body(body).post("/simulator/list/mode").then().statusCode(200);
    }

    private static String createJob(String body) {
        return api().contentType(ContentType.JSON).body(body).post("/simulator/jobs").then().statusCode(201)
                .extract().path("jobs[0].job_id");
    }

    private static RequestSpecification list() {
        return api().header("Authorization", SimulatorFixture.AUTH);
    }

    private static RequestSpecification api() {
        return server.api();
    }
}

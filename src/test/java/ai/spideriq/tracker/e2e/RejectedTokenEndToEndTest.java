package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A token the API rejects makes the service not ready, and says why. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(RejectedTokenEndToEndTest.WrongToken.class)
class RejectedTokenEndToEndTest {

    /** Its own consumer group and in-flight topic, as a separate deployment would have. */
    public static class WrongToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spideriq.api.token", "someone:else's:token", "spideriq.kafka.consumer-group",
                    "tracker-wrong-token", "spideriq.topics.in-flight", "spideriq.tracker.in-flight.wrong-token");
        }
    }

    @Test
    void reportsNotReadyWhileTheApiRejectsTheToken() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'spideriq-api-token' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'spideriq-api-token' }.data.http_status", equalTo(401)));
        given().get("/q/health/live").then().statusCode(200);
    }
}

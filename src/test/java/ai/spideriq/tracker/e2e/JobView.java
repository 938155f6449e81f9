package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** The service's job view ({@code GET /jobs/{id}}) as an operator reads it: 200 while this replica tracks the job. */
final class JobView {

    private JobView() {
    }

    static int status(String jobId) {
        return given().get("/jobs/" + jobId).statusCode();
    }

    /** Returns once this replica no longer tracks the job (it ended, or was let go). */
    static void awaitGone(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status(jobId) == 404);
    }
}

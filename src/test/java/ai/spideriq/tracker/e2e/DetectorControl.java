package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.restassured.http.ContentType;

/**
 * What the detector end-to-end tests do to the simulator (switch how its event stream and job list misbehave) and
 * read from the running service (its readiness), through their HTTP interfaces as an operator would.
 */
final class DetectorControl {

    private final SpiderIqSimulator simulator;
    /** Every readiness status seen while awaiting outcomes: a detector's failure must never show here. */
    final List<Integer> readiness = new ArrayList<>();

    DetectorControl(SpiderIqSimulator simulator) {
        this.simulator = simulator;
    }

    /** Switches the stream's behaviour for new connections and drops the open ones, so the next one has it. */
    void streamMode(String json) {
        given().contentType(ContentType.JSON).body(json).post("/simulator/events/mode").then().statusCode(200);
        given().post("/simulator/events/disconnect").then().statusCode(200);
    }

    void listMode(String json) {
        given().contentType(ContentType.JSON).body(json).post("/simulator/list/mode").then().statusCode(200);
    }

    /** Creates and submits a short job that ends as {@code outcome}; returns its id. */
    String submit(SimulatedOutcome outcome, Duration processing) {
        String jobId = created(outcome, processing);
        Submitter.submitJob(jobId, "spiderSite");
        return jobId;
    }

    /** Creates a short job at the API that nobody submits to the tracker (another service's job); returns its id. */
    String untracked(SimulatedOutcome outcome) {
        return simulator.create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withOutcome(outcome)
                .withTimes(Duration.ofMillis(100), Duration.ofMillis(200))).jobId();
    }

    /** Creates a spiderSite job at the API without submitting it (the test may, later); returns its id. */
    String created(SimulatedOutcome outcome, Duration processing) {
        return simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(outcome)
                .withTimes(Duration.ofMillis(100), processing)).jobId();
    }

    /** Whether every job has its outcome; samples readiness on the way. */
    boolean allPublished(List<String> jobIds) {
        readiness.add(given().get("/q/health/ready").statusCode());
        return TopicRecorder.get().withOutcome(jobIds).size() == jobIds.size();
    }
}

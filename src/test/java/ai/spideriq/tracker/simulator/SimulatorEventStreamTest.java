package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.EventRecorder.subscribe;
import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static ai.spideriq.tracker.simulator.SimulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The event stream on the core: which job events, when, with the documented payloads; connection events. */
class SimulatorEventStreamTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void announcesQueuedStartThenCompletionWhenTheJobReachesThem() {
        EventRecorder subscriber = subscribe(simulator);
        SimulatedJob job = simulator.create(job(SimulatedOutcome.COMPLETED, 2, 20).withPayloadVariant("maps")
                .withType(SimulatedJobType.SPIDER_MAPS));

        assertThat(simulator.deliverDueEvents()).isEqualTo(1);
        assertThat(deliverAfter(Duration.ofMillis(1999))).isZero();
        deliverAfter(Duration.ofMillis(1));
        assertThat(subscriber.names()).containsExactly("job.queued", "job.started");
        assertThat(deliverAfter(Duration.ofMillis(19_999))).isZero();
        deliverAfter(Duration.ofMillis(1));

        assertThat(subscriber.jobEvents()).containsExactly(
                new SimulatedEvent("job.queued", "{\"job_id\":\"" + ID
                        + "\",\"type\":\"spiderMaps\",\"created_at\":\"2025-10-27T14:00:00Z\"}"),
                new SimulatedEvent("job.started", "{\"job_id\":\"" + ID + "\",\"worker_id\":\"" + job.workerId()
                        + "\",\"started_at\":\"2025-10-27T14:00:02Z\"}"),
                new SimulatedEvent("job.completed", "{\"job_id\":\"" + ID
                        + "\",\"processing_time\":20.0,\"results_count\":1}"));
        assertThat(simulator.nextEventDue()).isEmpty();
    }

    @Test
    void announcesTheFailureOfAFailedJobWithItsErrorMessage() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(SimulatedOutcome.FAILED, 0, 5).withType(SimulatedJobType.SPIDER_MAPS));

        deliverAfter(Duration.ofSeconds(5));

        assertThat(subscriber.names()).containsExactly("job.queued", "job.started", "job.failed");
        JsonNode failed = json(subscriber.jobEvents().get(2).dataJson());
        assertThat(failed.path("job_id").asText()).isEqualTo(ID);
        assertThat(failed.path("error_message").asText()).startsWith("Failed to connect");
        assertThat(failed.size()).isEqualTo(2);
    }

    @Test
    void greetsEachSubscriberWithConnectedAndItsClientId() {
        EventRecorder subscriber = subscribe(simulator);

        assertThat(subscriber.events).containsExactly(new SimulatedEvent("connected",
                "{\"client_id\":\"sim-client\",\"message\":\"Connected to event stream\"}"));
        assertThat(subscriber.events.get(0).frame()).isEqualTo("event: connected\ndata: "
                + "{\"client_id\":\"sim-client\",\"message\":\"Connected to event stream\"}\n\n");
    }

    @Test
    void sendsAHeartbeatEveryIntervalOnTheSimulatorsClock() {
        EventRecorder subscriber = subscribe(simulator);

        assertThat(deliverAfter(Duration.ofSeconds(29))).isZero();
        deliverAfter(Duration.ofSeconds(1));
        deliverAfter(Duration.ofSeconds(10));
        deliverAfter(Duration.ofMinutes(5));

        assertThat(subscriber.allNames()).containsExactly("connected", "heartbeat", "heartbeat");
        assertThat(subscriber.events.get(1).dataJson()).isEqualTo("{\"timestamp\":\"2025-10-27T14:00:30Z\"}");
        assertThat(json(subscriber.events.get(2).dataJson()).path("timestamp").asText())
                .isEqualTo("2025-10-27T14:05:40Z");
    }

    @Test
    void theHeartbeatIntervalIsASetting() {
        SimulatorFixture quick = new SimulatorFixture(SimulatorSettings.builder()
                .eventHeartbeat(Duration.ofSeconds(2)).build());
        EventRecorder subscriber = subscribe(quick.simulator);

        for (int i = 0; i < 3; i++) {
            quick.clock.advance(Duration.ofSeconds(2));
            quick.simulator.deliverDueEvents();
        }

        assertThat(subscriber.allNames()).containsExactly("connected", "heartbeat", "heartbeat", "heartbeat");
    }

    @Test
    void aJobEndingCancelledIsAnnouncedQueuedAndStartedOnly() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(SimulatedOutcome.CANCELLED, 1, 5));

        deliverAfter(Duration.ofMinutes(1));

        assertThat(subscriber.names()).containsExactly("job.queued", "job.started");
    }

    @Test
    void aJobCancelledWhileQueuedIsAnnouncedQueuedOnly() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(SimulatedOutcome.COMPLETED, 10, 5));
        fixture.clock.advance(Duration.ofSeconds(3));

        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        deliverAfter(Duration.ofMinutes(1));

        assertThat(subscriber.names()).containsExactly("job.queued");
        assertThat(simulator.nextEventDue()).isEmpty();
    }

    @Test
    void aStartStillInFlightWhenTheJobIsCancelledIsAnnouncedButNotTheEnd() {
        SimulatorFixture late = new SimulatorFixture(SimulatorSettings.builder()
                .eventDelay(Duration.ofSeconds(5)).build());
        EventRecorder subscriber = subscribe(late.simulator);
        late.simulator.create(job(SimulatedOutcome.FAILED, 1, 30));
        late.clock.advance(Duration.ofSeconds(2));

        assertThat(late.simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        late.clock.advance(Duration.ofMinutes(1));
        late.simulator.deliverDueEvents();

        assertThat(subscriber.names()).containsExactly("job.queued", "job.started");
        assertThat(json(subscriber.jobEvents().get(1).dataJson()).path("started_at").asText())
                .isEqualTo("2025-10-27T14:00:01Z");
    }

    @Test
    void aJobCancelledWhileProcessingIsAnnouncedStartedButNotEnded() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(SimulatedOutcome.COMPLETED, 1, 30));
        deliverAfter(Duration.ofSeconds(10));

        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        deliverAfter(Duration.ofMinutes(1));

        assertThat(subscriber.names()).containsExactly("job.queued", "job.started");
    }

    @Test
    void aSubscriberOnlyGetsEventsDeliveredAfterItSubscribed() {
        EventRecorder early = subscribe(simulator);
        simulator.create(job(SimulatedOutcome.COMPLETED, 1, 10));
        deliverAfter(Duration.ofSeconds(1));

        EventRecorder late = subscribe(simulator);
        deliverAfter(Duration.ofSeconds(10));

        assertThat(early.names()).containsExactly("job.queued", "job.started", "job.completed");
        assertThat(late.names()).containsExactly("job.completed");
    }

    @Test
    void aResubmittedJobIdSchedulesNoSecondAnnouncement() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(SimulatedOutcome.COMPLETED, 0, 1));
        simulator.create(job(SimulatedOutcome.COMPLETED, 0, 1));

        deliverAfter(Duration.ofSeconds(1));

        assertThat(subscriber.names()).containsExactly("job.queued", "job.started", "job.completed");
    }

    @Test
    void aDropRateOfOneLosesEveryJobEventAndZeroLosesNone() {
        SimulatorFixture lossy = new SimulatorFixture(SimulatorSettings.builder().eventDropRate(1.0).build());
        EventRecorder lost = subscribe(lossy.simulator);
        EventRecorder kept = subscribe(simulator);
        List<SimulatedJob> lossyJobs = lossy.simulator.createMany(20, JobSpec.drawn());
        List<SimulatedJob> jobs = simulator.createMany(20, JobSpec.drawn());

        lossy.clock.advance(Duration.ofHours(1));
        lossy.simulator.deliverDueEvents();
        deliverAfter(Duration.ofHours(1));

        assertThat(lost.jobEvents()).isEmpty();
        assertThat(lost.allNames()).as("connection events are never lost").contains("connected", "heartbeat");
        long cancelledOutcomes = jobs.stream().filter(job -> job.outcome() == SimulatedOutcome.CANCELLED).count();
        assertThat(kept.jobEvents()).hasSize(60 - (int) cancelledOutcomes);
        assertThat(lossyJobs).as("drops draw from their own stream").isEqualTo(jobs);
    }

    @Test
    void theDelayShiftsDeliveryButNotTheAnnouncedTime() {
        SimulatorFixture late = new SimulatorFixture(SimulatorSettings.builder()
                .eventDelay(Duration.ofSeconds(3)).build());
        EventRecorder subscriber = subscribe(late.simulator);
        late.simulator.create(job(SimulatedOutcome.COMPLETED, 0, 10));

        assertThat(late.simulator.nextEventDue()).hasValue(SimulatorFixture.START.plusSeconds(3));
        late.clock.advance(Duration.ofMillis(2999));
        assertThat(late.simulator.deliverDueEvents()).isZero();
        late.clock.advance(Duration.ofMillis(1));
        assertThat(late.simulator.deliverDueEvents()).isEqualTo(2);
        assertThat(late.simulator.nextEventDue()).hasValue(SimulatorFixture.START.plusSeconds(13));
        late.clock.advance(Duration.ofSeconds(10));
        late.simulator.deliverDueEvents();

        assertThat(json(subscriber.jobEvents().get(0).dataJson()).path("created_at").asText())
                .isEqualTo("2025-10-27T14:00:00Z");
        assertThat(json(subscriber.jobEvents().get(1).dataJson()).path("started_at").asText())
                .isEqualTo("2025-10-27T14:00:00Z");
        assertThat(subscriber.names()).containsExactly("job.queued", "job.started", "job.completed");
    }

    @Test
    void aDataLineWithANewlineIsSentAsSeveralDataLines() {
        SimulatedEvent split = new SimulatedEvent("playbook.completed", "{\"a\":1,\n\"b\":2}");

        assertThat(split.frame()).isEqualTo("event: playbook.completed\ndata: {\"a\":1,\ndata: \"b\":2}\n\n");
        assertThat(split.isJobEvent()).isFalse();
    }

    private int deliverAfter(Duration step) {
        fixture.clock.advance(step);
        return simulator.deliverDueEvents();
    }

    private static JobSpec job(SimulatedOutcome outcome, long queueSeconds, long processingSeconds) {
        return JobSpec.drawn().withJobId(ID).withOutcome(outcome)
                .withTimes(Duration.ofSeconds(queueSeconds), Duration.ofSeconds(processingSeconds));
    }
}

package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static ai.spideriq.tracker.simulator.SimulatorFixture.START;
import static ai.spideriq.tracker.simulator.EventRecorder.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorEventStreamTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void announcesStartThenCompletionWhenTheJobReachesThem() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(JobOutcome.COMPLETED, 2, 20));

        assertThat(deliverAfter(Duration.ofMillis(1999))).isZero();
        deliverAfter(Duration.ofMillis(1));
        assertThat(subscriber.names()).containsExactly("job.started");
        assertThat(deliverAfter(Duration.ofMillis(19_999))).isZero();
        deliverAfter(Duration.ofMillis(1));

        assertThat(subscriber.events).containsExactly(
                new SimulatedEvent("job.started", ID, JobType.SPIDER_SITE, START.plusSeconds(2)),
                new SimulatedEvent("job.completed", ID, JobType.SPIDER_SITE, START.plusSeconds(22)));
        assertThat(simulator.nextEventDue()).isEmpty();
    }

    @Test
    void announcesTheFailureOfAFailedJob() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(JobOutcome.FAILED, 0, 5).withType(JobType.SPIDER_MAPS));

        deliverAfter(Duration.ofSeconds(5));

        assertThat(subscriber.names()).containsExactly("job.started", "job.failed");
        assertThat(subscriber.events.get(1).dataJson()).isEqualTo("{\"event\":\"job.failed\",\"job_id\":\"" + ID
                + "\",\"type\":\"spiderMaps\",\"status\":\"failed\",\"timestamp\":\"2025-10-27T14:00:05Z\"}");
    }

    @Test
    void rendersTheDocumentedDataJson() {
        SimulatedEvent started = new SimulatedEvent("job.started", ID, JobType.SPIDER_SITE, START.plusMillis(1500));
        SimulatedEvent completed = new SimulatedEvent("job.completed", ID, JobType.SPIDER_SITE, START.plusSeconds(20));

        assertThat(SimulatorFixture.json(started.dataJson()).path("status").asText()).isEqualTo("processing");
        assertThat(SimulatorFixture.json(started.dataJson()).path("timestamp").asText())
                .isEqualTo("2025-10-27T14:00:01.500Z");
        assertThat(completed.dataJson()).isEqualTo("{\"event\":\"job.completed\",\"job_id\":\"" + ID
                + "\",\"type\":\"spiderSite\",\"status\":\"completed\",\"timestamp\":\"2025-10-27T14:00:20Z\"}");
    }

    @Test
    void aJobEndingCancelledIsAnnouncedStartedOnly() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(JobOutcome.CANCELLED, 1, 5));

        deliverAfter(Duration.ofMinutes(1));

        assertThat(subscriber.names()).containsExactly("job.started");
    }

    @Test
    void aJobCancelledWhileQueuedIsNeverAnnounced() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(JobOutcome.COMPLETED, 10, 5));
        fixture.clock.advance(Duration.ofSeconds(3));

        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        deliverAfter(Duration.ofMinutes(1));

        assertThat(subscriber.events).isEmpty();
        assertThat(simulator.nextEventDue()).isEmpty();
    }

    @Test
    void aStartStillInFlightWhenTheJobIsCancelledIsAnnouncedButNotTheEnd() {
        SimulatorFixture late = new SimulatorFixture(SimulatorSettings.builder()
                .eventDelay(Duration.ofSeconds(5)).build());
        EventRecorder subscriber = subscribe(late.simulator);
        late.simulator.create(job(JobOutcome.FAILED, 1, 30));
        late.clock.advance(Duration.ofSeconds(2));

        assertThat(late.simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        late.clock.advance(Duration.ofMinutes(1));
        late.simulator.deliverDueEvents();

        assertThat(subscriber.events).containsExactly(
                new SimulatedEvent("job.started", ID, JobType.SPIDER_SITE, START.plusSeconds(1)));
    }

    @Test
    void aJobCancelledWhileProcessingIsAnnouncedStartedButNotEnded() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(JobOutcome.COMPLETED, 1, 30));
        deliverAfter(Duration.ofSeconds(10));

        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        deliverAfter(Duration.ofMinutes(1));

        assertThat(subscriber.names()).containsExactly("job.started");
    }

    @Test
    void aSubscriberOnlyGetsEventsDeliveredAfterItSubscribed() {
        EventRecorder early = subscribe(simulator);
        simulator.create(job(JobOutcome.COMPLETED, 1, 10));
        deliverAfter(Duration.ofSeconds(1));

        EventRecorder late = subscribe(simulator);
        deliverAfter(Duration.ofSeconds(10));

        assertThat(early.names()).containsExactly("job.started", "job.completed");
        assertThat(late.names()).containsExactly("job.completed");
    }

    @Test
    void aResubmittedJobIdSchedulesNoSecondAnnouncement() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job(JobOutcome.COMPLETED, 0, 1));
        simulator.create(job(JobOutcome.COMPLETED, 0, 1));

        deliverAfter(Duration.ofSeconds(1));

        assertThat(subscriber.names()).containsExactly("job.started", "job.completed");
    }

    @Test
    void aDropRateOfOneLosesEveryEventAndZeroLosesNone() {
        SimulatorFixture lossy = new SimulatorFixture(SimulatorSettings.builder().eventDropRate(1.0).build());
        EventRecorder lost = subscribe(lossy.simulator);
        EventRecorder kept = subscribe(simulator);
        List<SimulatedJob> lossyJobs = lossy.simulator.createMany(20, JobSpec.drawn());
        List<SimulatedJob> jobs = simulator.createMany(20, JobSpec.drawn());

        lossy.clock.advance(Duration.ofHours(1));
        lossy.simulator.deliverDueEvents();
        deliverAfter(Duration.ofHours(1));

        assertThat(lost.events).isEmpty();
        long cancelledOutcomes = jobs.stream().filter(job -> job.outcome() == JobOutcome.CANCELLED).count();
        assertThat(kept.events).hasSize(40 - (int) cancelledOutcomes);
        assertThat(lossyJobs).as("drops draw from their own stream").isEqualTo(jobs);
    }

    @Test
    void theDelayShiftsDeliveryButNotTheAnnouncedTime() {
        SimulatorFixture late = new SimulatorFixture(SimulatorSettings.builder()
                .eventDelay(Duration.ofSeconds(3)).build());
        EventRecorder subscriber = subscribe(late.simulator);
        late.simulator.create(job(JobOutcome.COMPLETED, 0, 10));

        assertThat(late.simulator.nextEventDue()).hasValue(START.plusSeconds(3));
        late.clock.advance(Duration.ofMillis(2999));
        assertThat(late.simulator.deliverDueEvents()).isZero();
        late.clock.advance(Duration.ofMillis(1));
        assertThat(late.simulator.deliverDueEvents()).isEqualTo(1);
        assertThat(late.simulator.nextEventDue()).hasValue(START.plusSeconds(13));
        late.clock.advance(Duration.ofSeconds(10));
        late.simulator.deliverDueEvents();

        assertThat(subscriber.events).extracting(SimulatedEvent::at).containsExactly(START, START.plusSeconds(10));
    }

    private int deliverAfter(Duration step) {
        fixture.clock.advance(step);
        return simulator.deliverDueEvents();
    }

    private static JobSpec job(JobOutcome outcome, long queueSeconds, long processingSeconds) {
        return JobSpec.drawn().withJobId(ID).withOutcome(outcome)
                .withTimes(Duration.ofSeconds(queueSeconds), Duration.ofSeconds(processingSeconds));
    }
}

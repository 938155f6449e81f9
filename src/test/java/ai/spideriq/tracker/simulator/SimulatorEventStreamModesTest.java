package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.EventRecorder.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The event stream's failure modes on the core: what each subscriber gets, and when a mode applies. */
class SimulatorEventStreamModesTest {

    private static final String TOKEN = SimulatorSettings.DEFAULT_TOKEN;

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void aRefusalAnswersItsStatusLikeAnyRequestAndOpensNothing() {
        simulator.setEventStreamMode(EventStreamMode.refuse(429));
        EventStreamOpening limited = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });
        simulator.setEventStreamMode(EventStreamMode.refuse(502, null));
        EventStreamOpening badGateway = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });
        simulator.setEventStreamMode(EventStreamMode.refuse(404));
        EventStreamOpening missing = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });

        assertThat(limited.isOpen()).isFalse();
        assertThat(limited.response().status()).isEqualTo(429);
        assertThat(limited.response().jsonBody()).isEqualTo("{\"detail\":\"Rate limit exceeded\"}");
        assertThat(limited.response().headers()).containsEntry("Retry-After", "60").containsKey("X-RateLimit-Limit");
        assertThat(badGateway.response().status()).isEqualTo(502);
        assertThat(badGateway.response().headers()).doesNotContainKey("Retry-After");
        assertThat(missing.response().jsonBody()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(simulator.openEventStreams()).isZero();
        assertThat(simulator.requests()).extracting(RequestRecord::status).containsExactly(429, 502, 404);
        assertThat(simulator.stats().total()).isEqualTo(3);
    }

    @Test
    void aStalledStreamIsOpenButSendsNothingAtAll() {
        simulator.setEventStreamMode(EventStreamMode.of(EventStreamMode.Kind.STALL));
        EventRecorder stalled = subscribe(simulator);
        simulator.create(JobSpec.drawn().withTimes(Duration.ZERO, Duration.ofSeconds(1)));

        deliverAfter(Duration.ofMinutes(2));

        assertThat(stalled.events).isEmpty();
        assertThat(stalled.subscription.isOpen()).isTrue();
        assertThat(simulator.closeEventStreams()).isEqualTo(1);
        assertThat(stalled.closes).isEqualTo(1);
    }

    @Test
    void aSilentStreamGoesQuietAfterItsTimeAndStaysOpen() {
        simulator.setEventStreamMode(EventStreamMode.silentAfter(Duration.ofSeconds(60)));
        EventRecorder silent = subscribe(simulator);
        simulator.create(JobSpec.drawn().withTimes(Duration.ofSeconds(10), Duration.ofSeconds(55)));

        deliverAfter(Duration.ofSeconds(30));
        deliverAfter(Duration.ofSeconds(29));
        deliverAfter(Duration.ofMinutes(10));

        assertThat(silent.allNames()).containsExactly("connected", "job.queued", "job.started", "heartbeat");
        assertThat(silent.subscription.isOpen()).isTrue();
        assertThat(simulator.openEventStreams()).isEqualTo(1);
    }

    @Test
    void noHeartbeatsMeansConnectedAndJobEventsOnly() {
        simulator.setEventStreamMode(EventStreamMode.of(EventStreamMode.Kind.NO_HEARTBEATS));
        EventRecorder quiet = subscribe(simulator);
        simulator.create(JobSpec.drawn().withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ofSeconds(40), Duration.ofSeconds(40)));

        for (int i = 0; i < 10; i++) {
            deliverAfter(Duration.ofSeconds(30));
        }

        assertThat(quiet.allNames()).containsExactly("connected", "job.queued", "job.started", "job.completed");
    }

    @Test
    void aMalformedStreamInterleavesGarbageAndStillDeliversTheRealEvents() {
        simulator.setEventStreamMode(EventStreamMode.of(EventStreamMode.Kind.MALFORMED));
        EventRecorder messy = subscribe(simulator);
        SimulatedJob job = simulator.create(JobSpec.drawn().withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(5)));

        deliverAfter(Duration.ofSeconds(5));

        List<String> frames = messy.events.stream().map(SimulatedEvent::frame).toList();
        assertThat(frames.get(0)).startsWith("event: connected\n");
        assertThat(frames).contains("this line has no colon\n\n",
                "event: campaign.updated\ndata: {\"campaign_id\":\"cmp-1\",\"status\":\"running\"}\n\n",
                "event: playbook.completed\ndata: {\"playbook_id\":\"pb-1\",\ndata: \"status\":\"completed\"}\n\n");
        assertThat(frames).anyMatch(frame -> frame.contains("\"job_id\":\"not-a-uuid\""));
        assertThat(frames).anyMatch(frame -> frame.equals("event: job.completed\ndata: {\"job_id\": \"550e8400-e29b-41d4\n\n"));
        List<String> realJobIds = new ArrayList<>();
        messy.jobEvents().stream().filter(event -> event.dataJson().contains(job.jobId()))
                .forEach(event -> realJobIds.add(event.name()));
        assertThat(realJobIds).containsExactly("job.queued", "job.started", "job.completed");
        assertThat(messy.events.size()).isGreaterThan(1 + MalformedFrames.CYCLE.size() + 3);
    }

    @Test
    void anErrorModeStreamSaysConnectedThenErrorThenCloses() {
        simulator.setEventStreamMode(EventStreamMode.of(EventStreamMode.Kind.ERROR));
        EventRecorder failing = subscribe(simulator);

        assertThat(failing.allNames()).containsExactly("connected", "error");
        assertThat(SimulatorFixture.json(failing.events.get(1).dataJson()).path("message").asText()).isNotBlank();
        assertThat(failing.closes).isEqualTo(1);
        assertThat(failing.subscription.isOpen()).isFalse();
        assertThat(simulator.openEventStreams()).isZero();
    }

    @Test
    void aModeAppliesToStreamsOpenedAfterwardsUntilReset() {
        EventRecorder before = subscribe(simulator);
        simulator.setEventStreamMode(EventStreamMode.of(EventStreamMode.Kind.NO_HEARTBEATS));
        EventRecorder after = subscribe(simulator);

        deliverAfter(Duration.ofSeconds(30));
        simulator.reset();
        EventRecorder afterReset = subscribe(simulator);
        deliverAfter(Duration.ofSeconds(30));

        assertThat(before.allNames()).containsExactly("connected", "heartbeat");
        assertThat(after.allNames()).containsExactly("connected");
        assertThat(simulator.eventStreamMode()).isEqualTo(EventStreamMode.NORMAL);
        assertThat(afterReset.allNames()).containsExactly("connected", "heartbeat");
    }

    @Test
    void theSettingsChooseTheStartingMode() {
        SimulatorFixture refusing = new SimulatorFixture(SimulatorSettings.builder()
                .eventStreamMode(EventStreamMode.refuse(403)).build());

        refusing.simulator.reset();

        assertThat(refusing.simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        }).response().status())
                .isEqualTo(403);
    }

    @Test
    void modesRejectParametersTheyDoNotTake() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventStreamMode.refuse(200));
        assertThatIllegalArgumentException().isThrownBy(() -> EventStreamMode.silentAfter(Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new EventStreamMode(EventStreamMode.Kind.STALL, 500, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> EventStreamMode.Kind.fromWireName("sideways"));
    }

    private void deliverAfter(Duration step) {
        fixture.clock.advance(step);
        simulator.deliverDueEvents();
    }
}

package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.EventRecorder.subscribe;
import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Opening and closing the event stream: the gateway's checks, the log, and the simulator dropping streams. */
class SimulatorEventStreamGatewayTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";
    private static final String TOKEN = SimulatorSettings.DEFAULT_TOKEN;

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void badOrInactiveTokensAreRefusedLikeAnyRequest() {
        SpiderIqSimulator withInactive = new SimulatorFixture(SimulatorSettings.builder()
                .inactiveTokens(Set.of("old:key:secret")).build()).simulator;

        EventStreamOpening missing = withInactive.openEventStream(null, event -> {
        }, () -> {
        });
        EventStreamOpening wrong = withInactive.openEventStream("sim-client:sim-key:wrong", event -> {
        }, () -> {
        });
        EventStreamOpening inactive = withInactive.openEventStream("old:key:secret", event -> {
        }, () -> {
        });

        assertThat(missing.response().status()).isEqualTo(401);
        assertThat(wrong.response().jsonBody()).isEqualTo("{\"detail\":\"Invalid or missing credentials\"}");
        assertThat(inactive.response().status()).isEqualTo(403);
        assertThat(List.of(missing, wrong, inactive)).noneMatch(EventStreamOpening::isOpen);
        assertThat(withInactive.openEventStreams()).isZero();
    }

    @Test
    void openingTheStreamCountsAgainstTheRateLimitAndMeetsScriptedFaults() {
        EventStreamOpening opened = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });
        simulator.injectFaults(503, 1, null);
        EventStreamOpening faulted = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });
        for (int i = 0; i < 19; i++) {
            simulator.status(AUTH, ID);
        }
        EventStreamOpening limited = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });

        assertThat(opened.isOpen()).isTrue();
        assertThat(opened.response().headers()).containsEntry("X-RateLimit-Remaining", "99");
        assertThat(faulted.response().status()).isEqualTo(503);
        assertThat(limited.response().status()).isEqualTo(429);
        assertThat(simulator.openEventStreams()).isEqualTo(1);
        assertThat(simulator.requests().get(0)).extracting(RequestRecord::path, RequestRecord::jobId,
                RequestRecord::status).containsExactly("/api/v1/events/stream", null, 200);
    }

    @Test
    void theTokenIsNeitherLoggedNorPrinted() {
        EventStreamOpening opened = simulator.openEventStream(TOKEN, event -> {
        }, () -> {
        });
        EventStreamOpening refused = simulator.openEventStream("sim-client:sim-key:topsecret", e -> {
        }, () -> {
        });

        assertThat(simulator.requests()).extracting(RequestRecord::credentialsValid).containsExactly(true, false);
        assertThat(simulator.requests() + " " + opened + " " + refused).doesNotContain("sim-secret", "topsecret");
    }

    @Test
    void closingTheStreamsTellsEverySubscriberAndStopsDelivery() {
        EventRecorder first = subscribe(simulator);
        EventRecorder second = subscribe(simulator);
        simulator.create(job());

        assertThat(simulator.closeEventStreams()).isEqualTo(2);
        deliverAfter(Duration.ofSeconds(1));

        assertThat(first.closes).isEqualTo(1);
        assertThat(second.closes).isEqualTo(1);
        assertThat(first.jobEvents()).isEmpty();
        assertThat(first.subscription.isOpen()).isFalse();
        assertThat(simulator.closeEventStreams()).isZero();
    }

    @Test
    void aSubscriptionClosedByItsClientGetsNothingMoreAndIsNotToldAgain() {
        EventRecorder leaving = subscribe(simulator);
        EventRecorder staying = subscribe(simulator);
        simulator.create(job());

        leaving.subscription.close();
        leaving.subscription.close();
        deliverAfter(Duration.ofSeconds(1));

        assertThat(leaving.allNames()).containsExactly("connected");
        assertThat(leaving.closes).isZero();
        assertThat(staying.names()).containsExactly("job.queued", "job.started", "job.completed");
        assertThat(simulator.openEventStreams()).isEqualTo(1);
    }

    @Test
    void resetClosesTheStreamsAndForgetsPendingEvents() {
        EventRecorder subscriber = subscribe(simulator);
        simulator.create(job());

        simulator.reset();
        EventRecorder after = subscribe(simulator);
        deliverAfter(Duration.ofSeconds(1));

        assertThat(subscriber.closes).isEqualTo(1);
        assertThat(after.jobEvents()).isEmpty();
        assertThat(simulator.nextEventDue()).isEmpty();
    }

    @Test
    void settingsRejectADropRateOutsideZeroToOne() {
        for (double rate : new double[] { -0.1, 1.1, Double.NaN }) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SimulatorSettings.builder().eventDropRate(rate).build());
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorSettings.builder().eventDelay(Duration.ofSeconds(-1)).build());
    }

    private int deliverAfter(Duration step) {
        fixture.clock.advance(step);
        return simulator.deliverDueEvents();
    }

    private static JobSpec job() {
        return JobSpec.drawn().withJobId(ID).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(1));
    }
}

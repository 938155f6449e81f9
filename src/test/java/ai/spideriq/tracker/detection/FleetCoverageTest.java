package ai.spideriq.tracker.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;

/** Coverage heard from the detecting replica is believed only while its heartbeats come; one's own always. */
class FleetCoverageTest {

    private static final Duration EXPIRY = Duration.ofSeconds(15);

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final RecordingHints tracker = new RecordingHints();
    private final FleetCoverage coverage = new FleetCoverage(tracker, clock, timers, EXPIRY);

    @Test
    void heardCoverageLastsWhileHeartbeatsComeAndExpiresAfterThem() {
        coverage.heard(true, true);
        for (int i = 0; i < 10; i++) {
            timers.advance(Duration.ofSeconds(5));
            coverage.heard(true, true);
        }
        assertThat(tracker.told).containsExactly("up", "sweeping");

        timers.advance(EXPIRY.minusMillis(1));
        assertThat(tracker.told).hasSize(2);
        timers.advance(Duration.ofMillis(1));
        assertThat(tracker.told).containsExactly("up", "sweeping", "down", "not sweeping");
        assertThat(coverage.heardRecently()).isFalse();
    }

    @Test
    void aHeartbeatSayingTheStreamDroppedIsBelievedAtOnce() {
        coverage.heard(true, false);
        timers.advance(Duration.ofSeconds(1));
        coverage.heard(false, false);

        assertThat(tracker.told).containsExactly("up", "down");
    }

    @Test
    void itsOwnDetectorsCountWhateverIsHeardAndTheTrackerHearsOnlyChanges() {
        coverage.heard(true, false);
        coverage.ownStreaming(true);
        timers.advance(EXPIRY.multipliedBy(2));
        assertThat(tracker.told).containsExactly("up");

        coverage.ownStreaming(false);
        coverage.ownSweeping(true);
        assertThat(tracker.told).containsExactly("up", "down", "sweeping");
        assertThat(coverage.ownHeartbeat()).isEqualTo(Hint.coverage(false, true));
    }
}

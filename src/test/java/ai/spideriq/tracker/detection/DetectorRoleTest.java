package ai.spideriq.tracker.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;

/** Who detects for the fleet, on a fake clock: the owner of input partition 0, one term per ownership. */
class DetectorRoleTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final RecordingHints tracker = new RecordingHints();
    private final FleetCoverage coverage = new FleetCoverage(tracker, clock, timers, HEARTBEAT.multipliedBy(3));
    private final List<Hint> published = new ArrayList<>();
    private final CountedTerms terms = new CountedTerms();
    private final DetectorRole role = new DetectorRole(terms, coverage, tracker, published::add, timers, HEARTBEAT);

    @Test
    void detectsWhileItOwnsPartitionZeroAndNeverOtherwise() {
        role.owning(Set.of(1, 2));
        assertThat(role.isActive()).isFalse();
        assertThat(terms.begun).isZero();

        role.owning(Set.of(0, 1, 2));
        role.owning(Set.of(0, 1)); // partition 2 moved: still the same term
        assertThat(role.isActive()).isTrue();
        assertThat(terms.begun).isEqualTo(1);

        role.owning(Set.of(1));
        assertThat(role.isActive()).isFalse();
        assertThat(terms.ended).isEqualTo(1);

        role.owning(Set.of(0));
        assertThat(terms.begun).as("a fresh term when partition 0 comes back").isEqualTo(2);
    }

    @Test
    void losingEveryPartitionEndsTheTermAndStoppingForGoodToo() {
        role.owning(Set.of(0));
        role.owning(Set.of());
        assertThat(terms.ended).isEqualTo(1);

        role.owning(Set.of(0));
        role.stop();
        assertThat(terms.ended).isEqualTo(2);
        role.owning(Set.of(0));
        assertThat(role.isActive()).as("stopped for good").isFalse();
    }

    @Test
    void theDetectorSendsItsCoverageEveryHeartbeat() {
        role.start();
        role.owning(Set.of(0));
        coverage.ownStreaming(true);

        timers.advance(HEARTBEAT.multipliedBy(3));

        assertThat(published).hasSize(3).allMatch(hint -> hint.equals(Hint.coverage(true, false)));
    }

    @Test
    void anotherReplicaSaysItAwaitsOnlyWhileItsJobsAwaitTheirEnds() {
        role.start();
        role.owning(Set.of(1));
        timers.advance(HEARTBEAT.multipliedBy(2));
        assertThat(published).as("no tracked job waits: nothing to say").isEmpty();

        UUID job = UUID.randomUUID();
        tracker.awaiting.add(job);
        timers.advance(HEARTBEAT.multipliedBy(2));
        assertThat(published).containsExactly(Hint.awaiting(), Hint.awaiting());

        tracker.announceEnded(job);
        timers.advance(HEARTBEAT.multipliedBy(2));
        assertThat(published).hasSize(2);
    }

    /** Counts the terms begun and ended. */
    private static final class CountedTerms implements DetectorTerms {
        int begun;
        int ended;

        @Override
        public Term begin() {
            begun++;
            return () -> ended++;
        }
    }
}

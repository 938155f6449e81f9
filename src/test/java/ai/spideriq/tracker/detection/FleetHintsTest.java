package ai.spideriq.tracker.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Two replicas joined by an in-memory hints topic on one fake clock: the detecting one tells the other what it
 * learns and asks for the whole fleet; when it is killed, the other stops believing its stream within a few missed
 * heartbeats and, given partition 0, detects itself.
 */
class FleetHintsTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final List<Replica> fleet = new ArrayList<>();
    private final Replica a = new Replica("a");
    private final Replica b = new Replica("b");

    @Test
    void theOtherReplicaHearsEndsStartsAndCoverageButNotItsOwnEcho() {
        a.role.owning(Set.of(0, 1));
        b.role.owning(Set.of(2));
        UUID ended = UUID.randomUUID();
        UUID started = UUID.randomUUID();

        a.detectors.announceStarted(started);
        a.detectors.announceEnded(ended);

        assertThat(a.tracker.told).containsExactly("up", "started " + started, "ended " + ended);
        assertThat(b.tracker.told).containsExactly("up", "started " + started, "ended " + ended);
    }

    @Test
    void theDetectorSweepsWhileAnyReplicaAwaitsAnEnd() {
        a.role.owning(Set.of(0, 1));
        b.role.owning(Set.of(2));
        assertThat(a.detectors.awaitsAnyEnd()).isFalse();

        b.tracker.awaiting.add(UUID.randomUUID());
        timers.advance(HEARTBEAT);
        assertThat(a.detectors.awaitsAnyEnd()).isTrue();

        b.tracker.awaiting.clear();
        timers.advance(HEARTBEAT.multipliedBy(3));
        assertThat(a.detectors.awaitsAnyEnd()).isFalse();
    }

    @Test
    void whenTheDetectorIsKilledTheOtherFallsBackToPollsThenTakesOverWithPartitionZero() {
        a.role.owning(Set.of(0, 1));
        b.role.owning(Set.of(2));
        timers.advance(HEARTBEAT.multipliedBy(4));
        assertThat(b.tracker.told).containsExactly("up");

        a.alive = false; // SIGKILL: no goodbye, no more heartbeats
        timers.advance(HEARTBEAT.multipliedBy(3));
        assertThat(b.tracker.told).as("its coverage expired with its heartbeats").containsExactly("up", "down");

        b.role.owning(Set.of(0, 1, 2)); // the group's next rebalance
        assertThat(b.role.isActive()).isTrue();
        assertThat(b.terms).isEqualTo(1);
        assertThat(b.tracker.told).containsExactly("up", "down", "up");
    }

    /** One replica's detection wiring, as DetectionBeans makes it, with a pretend stream that is up at once. */
    private final class Replica implements HintsOut, DetectorTerms {
        final String name;
        final RecordingHints tracker = new RecordingHints();
        final FleetCoverage coverage = new FleetCoverage(tracker, clock, timers, HEARTBEAT.multipliedBy(3));
        final FleetAwaiting awaiting = new FleetAwaiting(clock, HEARTBEAT.multipliedBy(3));
        final HintsReceiver receiver;
        final BroadcastHints detectors;
        final DetectorRole role;
        boolean alive = true;
        int terms;

        Replica(String name) {
            this.name = name;
            this.receiver = new HintsReceiver(name, tracker, coverage, awaiting,
                    new TrackerMetrics(new SimpleMeterRegistry()));
            this.detectors = new BroadcastHints(tracker, coverage, awaiting, this);
            this.role = new DetectorRole(this, coverage, tracker, this, timers, HEARTBEAT);
            role.start();
            fleet.add(this);
        }

        @Override
        public void publish(Hint hint) {
            if (alive) {
                fleet.forEach(replica -> replica.receiver.receive(hint.from(name)));
            }
        }

        @Override
        public Term begin() {
            terms++;
            detectors.streaming(true);
            return () -> detectors.streaming(false);
        }
    }
}

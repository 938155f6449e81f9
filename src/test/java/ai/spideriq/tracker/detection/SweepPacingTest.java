package ai.spideriq.tracker.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The sweeps' pace from the spare rate: the budget less what the rest of the tracker spent lately. */
class SweepPacingTest {

    private final SweepPacing pacing = new SweepPacing(Duration.ofMillis(2500), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 0);

    @Test
    void anIdleBudgetSweepsAtTheFloor() {
        assertThat(pacing.interval(90, 10, false, 1)).isEqualTo(Duration.ofMillis(2500));
        assertThat(pacing.interval(90, 10, true, 1)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void oneSweepPerSpareRequest() {
        // 60 jobs/min read once each leave 30 of 90: a sweep every 2 s, held to the floor; 78 leave 12: every 5 s.
        assertThat(pacing.interval(90, 60, false, 1)).isEqualTo(Duration.ofMillis(2500));
        assertThat(pacing.interval(90, 78, false, 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pacing.interval(90, 84, true, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pacing.interval(90, 86, true, 1)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aSweepOfSeveralPagesWaitsAsManySpareRequestsButNoLongerThanTheTightInterval() {
        // 72 of 90 leave 18 a minute: a page every 3.33 s; after 3 pages, 10 s; after 12, the tight 30 s.
        assertThat(pacing.interval(90, 72, false, 3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pacing.interval(90, 72, false, 12)).isEqualTo(Duration.ofSeconds(30));
        assertThat(pacing.interval(90, 10, false, 2)).isEqualTo(Duration.ofMillis(2500)); // idle: the floor
    }

    @Test
    void lessThanOneSpareRequestPerTightIntervalSweepsAtTheTightInterval() {
        assertThat(pacing.interval(90, 88.5, false, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(pacing.interval(90, 90, false, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(pacing.interval(90, 140, true, 1)).isEqualTo(Duration.ofSeconds(30)); // others spent a burst
    }

    @Test
    void theIntervalsMustBeOrdered() {
        assertThatThrownBy(() -> new SweepPacing(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SweepPacing(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

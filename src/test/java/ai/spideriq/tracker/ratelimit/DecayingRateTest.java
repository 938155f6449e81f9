package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;

/** A recent rate on a fake clock: it settles at a steady pace, follows a change, and forgets. */
class DecayingRateTest {

    private final FakeClock clock = new FakeClock();
    private final DecayingRate rate = new DecayingRate(clock, Duration.ofSeconds(60));

    @Test
    void settlesAtASteadyPace() {
        everyFor(Duration.ofSeconds(1), Duration.ofMinutes(10));

        assertThat(rate.perMinute()).isCloseTo(60, within(1.0));
    }

    @Test
    void followsAChangeOfPaceWithinAFewTimeConstants() {
        everyFor(Duration.ofSeconds(1), Duration.ofMinutes(10));
        everyFor(Duration.ofSeconds(4), Duration.ofMinutes(4));

        assertThat(rate.perMinute()).isCloseTo(15, within(1.5));
    }

    @Test
    void forgetsByOneOverEPerTimeConstant() {
        rate.record(60);
        double now = rate.perMinute();
        clock.advance(Duration.ofSeconds(60));

        assertThat(now).isCloseTo(60, within(1e-9)); // 60 events just now count as a minute's worth of 60/min
        assertThat(rate.perMinute()).isCloseTo(60 / Math.E, within(1e-9));
    }

    @Test
    void needsAPositiveTimeConstant() {
        assertThatThrownBy(() -> new DecayingRate(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private void everyFor(Duration period, Duration total) {
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plus(period)) {
            clock.advance(period);
            rate.record();
        }
    }
}

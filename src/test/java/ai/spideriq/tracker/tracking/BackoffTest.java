package ai.spideriq.tracker.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void growsByTheMultiplierUntilTheCapWithoutJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(30), 0);

        assertThat(backoff.delay(0, random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(1, random)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(2, random)).isEqualTo(Duration.ofMillis(4500));
        assertThat(backoff.delay(20, random)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsDelaysWithinItsBoundsAndNeverPastTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(60), 0.2);

        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delay(0, random)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(backoff.delay(10, random)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(60));
        }
        assertThat(backoff.delay(0, new SplittableRandom(1))).isNotEqualTo(backoff.delay(0, new SplittableRandom(2)));
    }

    @Test
    void rejectsACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

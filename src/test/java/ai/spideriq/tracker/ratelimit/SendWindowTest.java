package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);
    private final Instant t0 = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void oneMoreGoesOnceTheOldestCountedRequestAgesOut() {
        SendWindow window = new SendWindow(MINUTE, 2);
        window.sent(t0);
        window.sent(t0.plusSeconds(10));

        assertThat(window.waitAt(t0.plusSeconds(20))).isEqualTo(Duration.ofSeconds(40));
        assertThat(window.free(t0.plusSeconds(60))).isEqualTo(1);
    }

    @Test
    void placesAddedToTheWindowFreeUpOneByOneOverAWindow() {
        SendWindow window = new SendWindow(MINUTE, 0);

        window.limit(3, t0); // taken as used at -45 s, -30 s and -15 s

        assertThat(window.free(t0)).isZero();
        assertThat(window.waitAt(t0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(window.free(t0.plusSeconds(30))).isEqualTo(2);
    }

    @Test
    void placesGivenBackTakeWhatWasAssumedOfThemAlong() {
        SendWindow window = new SendWindow(MINUTE, 0);
        window.limit(300, t0); // the first replica of three owns every partition for a moment
        window.sent(t0);

        window.limit(100, t0.plusSeconds(1)); // and a third once the others joined

        // What is left of the assumed places (a third, evenly over the window) and the one request sent nearly fill
        // it, and the rest frees up one by one: not after the 200 given back aged out, some 40 s from now.
        assertThat(window.free(t0.plusSeconds(1))).isBetween(1, 10);
        assertThat(window.free(t0.plusSeconds(31))).isBetween(45, 55);
    }

    @Test
    void aBudgetOfMillionsIsAssumedWithoutAnEntryPerPlace() {
        // The pipeline's ceiling is measured with a budget of 100,000,000 a minute: a place each would not fit.
        SendWindow window = new SendWindow(MINUTE, 0);

        window.limit(100_000_000, t0);

        assertThat(window.free(t0)).isZero();
        assertThat(window.free(t0.plusSeconds(30))).isBetween(49_000_000, 51_000_000);
        assertThat(window.waitAt(t0)).isLessThan(Duration.ofMillis(1));
    }

    @Test
    void aSmallerLimitWaitsUntilEnoughRequestsAgeOut() {
        SendWindow window = new SendWindow(MINUTE, 4);
        for (int i = 0; i < 4; i++) {
            window.sent(t0.plusSeconds(i));
        }

        window.limit(2, t0.plusSeconds(10));

        // Three of the four must leave before one more may go: the third leaves at 62 s.
        assertThat(window.waitAt(t0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(52));
    }

    @Test
    void nothingGoesWhileNothingIsOwned() {
        SendWindow window = new SendWindow(MINUTE, 0);

        assertThat(window.waitAt(t0)).isEqualTo(MINUTE);
        assertThat(window.free(t0)).isZero();
    }
}

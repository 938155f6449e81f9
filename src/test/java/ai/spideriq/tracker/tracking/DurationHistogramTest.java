package ai.spideriq.tracker.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void readsQuantilesOfWhatItSawWithinABucketsWidth() {
        DurationHistogram histogram = new DurationHistogram(100_000, 10);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            // lognormal, median 20 s, sigma 0.6: the 90th percentile is 20 * e^(0.6 * 1.2816) = 43.2 s
            histogram.observe(Duration.ofMillis((long) (20_000 * Math.exp(0.6 * random.nextGaussian()))));
        }

        assertThat(seconds(histogram, 0.5)).isCloseTo(20, within(20 * 0.1));
        assertThat(seconds(histogram, 0.9)).isCloseTo(43.2, within(43.2 * 0.1));
    }

    @Test
    void tellsTheShareThatEndedWithinAnAge() {
        DurationHistogram histogram = new DurationHistogram(100_000, 10);
        for (int i = 1; i <= 100; i++) {
            histogram.observe(Duration.ofSeconds(i));
        }

        assertThat(histogram.shareWithin(Duration.ofMillis(500)).orElseThrow()).isZero();
        assertThat(histogram.shareWithin(Duration.ofSeconds(50)).orElseThrow()).isCloseTo(0.5, within(0.05));
        assertThat(histogram.shareWithin(Duration.ofHours(1)).orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void answersNothingUntilItHasSeenEnough() {
        DurationHistogram histogram = new DurationHistogram(50, 3);
        histogram.observe(Duration.ofSeconds(10));
        histogram.observe(Duration.ofSeconds(10));
        assertThat(histogram.quantile(0.5)).isEmpty();
        assertThat(histogram.shareWithin(Duration.ofSeconds(10))).isEmpty();

        histogram.observe(Duration.ofSeconds(10));
        assertThat(histogram.quantile(0.5)).isPresent();
        assertThat(histogram.shareWithin(Duration.ofSeconds(10))).isPresent();
    }

    @Test
    void followsTheApisCurrentSpeed() {
        DurationHistogram histogram = new DurationHistogram(20, 5);
        for (int i = 0; i < 500; i++) {
            histogram.observe(Duration.ofSeconds(10));
        }
        for (int i = 0; i < 100; i++) {
            histogram.observe(Duration.ofSeconds(60)); // the API slowed down
        }

        // Five half-lives later the old speed weighs 1/32 of the total: the median is the new speed.
        assertThat(seconds(histogram, 0.5)).isCloseTo(60, within(60 * 0.2));
    }

    @Test
    void keepsALongTailApartFromTheBody() {
        DurationHistogram histogram = new DurationHistogram(100_000, 10);
        for (int i = 0; i < 95; i++) {
            histogram.observe(Duration.ofSeconds(20));
        }
        for (int i = 0; i < 5; i++) {
            histogram.observe(Duration.ofMinutes(30));
        }

        assertThat(seconds(histogram, 0.9)).isLessThan(25);
        assertThat(seconds(histogram, 0.99)).isGreaterThan(25 * 60);
    }

    private static double seconds(DurationHistogram histogram, double p) {
        return histogram.quantile(p).orElseThrow().toMillis() / 1000.0;
    }
}

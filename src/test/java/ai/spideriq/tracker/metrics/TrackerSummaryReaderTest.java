package ai.spideriq.tracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TrackerSummaryReaderTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrackerMetrics metrics = new TrackerMetrics(registry);
    private final FakeClock clock = new FakeClock();
    private final AtomicInteger inFlight = new AtomicInteger();

    @BeforeEach
    void registerGauges() {
        metrics.gauges(inFlight::get, () -> 10, () -> false, () -> 90);
    }

    @Test
    void formats_every_number_as_a_key_value_pair_in_a_fixed_order() {
        TrackerSummary summary = new TrackerSummary(12, 30, 2, 1, 57, 90, 0, 3);

        assertThat(summary.line()).isEqualTo(
                "in_flight=12 completed=30 failed=2 cancelled=1 requests_last_min=57/90 rate_limited=0 dlq=3");
    }

    @Test
    void reads_zeros_before_anything_happened() {
        TrackerSummary summary = new TrackerSummaryReader(new SimpleMeterRegistry(), clock, 90).read();

        assertThat(summary).isEqualTo(new TrackerSummary(0, 0, 0, 0, 0, 90, 0, 0));
    }

    @Test
    void counts_outcomes_by_the_topic_they_went_to() {
        TrackerSummaryReader reader = new TrackerSummaryReader(registry, clock, 90);
        outcomes("completed", "spiderSite", 3);
        outcomes("completed", "spiderMaps", 2);
        outcomes("cancelled", "spiderMaps", 1);
        outcomes("job_failed", "spiderSite", 1);
        outcomes("job_not_found", null, 1);
        outcomes("tracking_deadline_exceeded", "spiderMaps", 1);

        TrackerSummary summary = reader.read();

        assertThat(summary.completed()).isEqualTo(5);
        assertThat(summary.cancelled()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(3);
    }

    @Test
    void reads_in_flight_429s_and_dead_letters_from_their_meters() {
        TrackerSummaryReader reader = new TrackerSummaryReader(registry, clock, 90);
        inFlight.set(7);
        metrics.rateLimited();
        metrics.rateLimited();
        metrics.intake().deadLettered("invalid_job_id");
        metrics.intake().deadLettered("malformed_json");
        metrics.intake().deadLettered("invalid_job_id");

        TrackerSummary summary = reader.read();

        assertThat(summary.inFlight()).isEqualTo(7);
        assertThat(summary.rateLimited()).isEqualTo(2);
        assertThat(summary.deadLettered()).isEqualTo(3);
    }

    @Test
    void counts_requests_of_every_status_since_start_during_the_first_minute() {
        requests("202", 4);
        TrackerSummaryReader reader = new TrackerSummaryReader(registry, clock, 90);
        requests("202", 5);
        requests("200", 2);
        requests("429", 1);
        requests("timeout", 1);
        clock.advance(Duration.ofSeconds(10));

        assertThat(reader.read().requestsLastMinute()).isEqualTo(9);
    }

    @Test
    void forgets_requests_older_than_a_minute() {
        TrackerSummaryReader reader = new TrackerSummaryReader(registry, clock, 90);
        for (int tick = 1; tick <= 12; tick++) {
            requests("202", tick <= 6 ? 10 : 1);
            clock.advance(Duration.ofSeconds(10));
            reader.read();
        }
        requests("202", 1);
        clock.advance(Duration.ofSeconds(10));

        // The last six ten-second readings saw one request each; the busy first minute has left the window.
        assertThat(reader.read().requestsLastMinute()).isEqualTo(6);
    }

    @Test
    void scales_to_a_minute_when_readings_are_further_apart() {
        TrackerSummaryReader reader = new TrackerSummaryReader(registry, clock, 90);
        requests("202", 300);
        clock.advance(Duration.ofMinutes(5));

        assertThat(reader.read().requestsLastMinute()).isEqualTo(60);
    }

    private void outcomes(String outcome, String type, int count) {
        for (int i = 0; i < count; i++) {
            metrics.outcome(outcome, type, 3, Duration.ofSeconds(20));
        }
    }

    private void requests(String status, int count) {
        for (int i = 0; i < count; i++) {
            metrics.apiRequest("results", status, Duration.ofMillis(30));
        }
    }
}

package ai.spideriq.tracker.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.client.ApiEvent;
import ai.spideriq.tracker.client.ApiEvent.Kind;
import ai.spideriq.tracker.metrics.DetectionMetrics;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;
import ai.spideriq.tracker.tracking.Backoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/** Keeping the event stream open, on a fake clock, with streams the test opens, feeds, silences and drops. */
class EventStreamFollowerTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(75);

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final ApiRateLimiter limiter = new ApiRateLimiter(61, 1, clock);
    private final List<MultiEmitter<? super ApiEvent>> streams = new ArrayList<>();
    private final RecordingHints hints = new RecordingHints();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventStreamFollower follower = new EventStreamFollower(() -> {
        return Multi.createFrom().emitter(streams::add);
    }, limiter, timers, clock, new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0), IDLE_TIMEOUT, hints,
            new TrackerMetrics(registry), new SplittableRandom(1));

    @Test
    void handsAnnouncementsToTheTrackerOnceTheStreamSpeaks() {
        UUID job = UUID.randomUUID();
        follower.start();
        assertThat(follower.isUp()).isFalse(); // open is not up: only a frame says the stream works

        latest().emit(frame(Kind.CONNECTED));
        latest().emit(new ApiEvent(Kind.STARTED, job));
        latest().emit(new ApiEvent(Kind.FAILED, job));

        assertThat(hints.told).containsExactly("up", "started " + job, "ended " + job);
        assertThat(follower.isUp()).isTrue();
    }

    @Test
    void heartbeatsKeepAStreamAliveForAsLongAsTheyCome() {
        follower.start();
        latest().emit(frame(Kind.CONNECTED));
        for (int i = 0; i < 20; i++) {
            timers.advance(Duration.ofSeconds(30));
            latest().emit(frame(Kind.HEARTBEAT));
        }

        assertThat(streams).hasSize(1);
        assertThat(hints.told).containsExactly("up");
    }

    @Test
    void dropsAStreamThatWentSilentAndReconnects() {
        follower.start();
        latest().emit(frame(Kind.CONNECTED));
        timers.advance(Duration.ofSeconds(30));
        latest().emit(frame(Kind.HEARTBEAT));

        timers.advance(IDLE_TIMEOUT.minusSeconds(1));
        assertThat(follower.isUp()).isTrue();
        timers.advance(Duration.ofSeconds(1));
        assertThat(follower.isUp()).isFalse();
        assertThat(follower.sinceLastFrame()).isEqualTo(IDLE_TIMEOUT);

        timers.advance(Duration.ofSeconds(1));
        assertThat(streams).hasSize(2);
        assertThat(hints.told).containsExactly("up", "down");
        assertThat(drops("silent")).isEqualTo(1);
    }

    @Test
    void aConnectionThatNeverSendsAByteIsNotBelievedAndIsRetriedWithBackoff() {
        follower.start();
        timers.advance(IDLE_TIMEOUT.plusSeconds(1));
        timers.advance(IDLE_TIMEOUT.plusSeconds(2));

        assertThat(streams).hasSize(3);
        assertThat(hints.told).isEmpty(); // never up, so the tracker never stretched its polls
    }

    @Test
    void aRefusedStreamIsRetriedWithGrowingDelaysUpToTheCap() {
        follower.start();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            latest().fail(new TestRefusal());
            waits.add(secondsUntilReconnected());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 8L, 8L);
        assertThat(hints.told).isEmpty();
        assertThat(drops("failed")).isEqualTo(6);
    }

    @Test
    void anErrorEventDropsTheStreamAndRepeatedErrorsBackOff() {
        follower.start();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            latest().emit(frame(Kind.CONNECTED));
            latest().emit(new ApiEvent(Kind.ERROR, null, "Internal error"));
            waits.add(secondsUntilReconnected());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L);
        assertThat(drops("error_event")).isEqualTo(4);
    }

    @Test
    void aStreamThatWorkedStartsTheBackoffOver() {
        follower.start();
        latest().fail(new TestRefusal());
        long first = secondsUntilReconnected();
        latest().fail(new TestRefusal());
        long second = secondsUntilReconnected();
        latest().emit(frame(Kind.CONNECTED));
        latest().emit(frame(Kind.HEARTBEAT));
        latest().complete();

        assertThat(List.of(first, second, secondsUntilReconnected())).containsExactly(1L, 2L, 1L);
    }

    @Test
    void aLateFailureOfAnAbandonedConnectionStartsNoOther() {
        follower.start();
        MultiEmitter<? super ApiEvent> silent = latest();
        timers.advance(IDLE_TIMEOUT);
        silent.fail(new TestRefusal());
        timers.advance(Duration.ofSeconds(1));

        assertThat(streams).hasSize(2);
    }

    @Test
    void everyConnectionTakesALimiterToken() {
        limiter.tryAcquire(); // the bucket (capacity 1, one token a second) is empty
        follower.start();
        assertThat(streams).isEmpty();

        timers.advance(Duration.ofSeconds(1));
        assertThat(streams).hasSize(1);
        assertThat(limiter.availableTokens()).isZero();
    }

    @Test
    void stopsReconnectingWhenStopped() {
        follower.start();
        latest().emit(frame(Kind.CONNECTED));
        follower.stop();
        timers.advance(Duration.ofMinutes(5));

        assertThat(streams).hasSize(1);
        assertThat(hints.told).containsExactly("up", "down");
    }

    private MultiEmitter<? super ApiEvent> latest() {
        return streams.get(streams.size() - 1);
    }

    /** Steps the clock a second at a time until the follower opens another connection. */
    private long secondsUntilReconnected() {
        int before = streams.size();
        long seconds = 0;
        while (streams.size() == before && seconds < 3600) {
            timers.advance(Duration.ofSeconds(1));
            seconds++;
        }
        return seconds;
    }

    private double drops(String reason) {
        return registry.get(DetectionMetrics.EVENTS_DROPS).tag("reason", reason).counter().count();
    }

    private static ApiEvent frame(Kind kind) {
        return new ApiEvent(kind, null);
    }

    private static final class TestRefusal extends RuntimeException {
    }
}

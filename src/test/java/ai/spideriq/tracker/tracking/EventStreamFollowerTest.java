package ai.spideriq.tracker.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.client.ApiEvent;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/** Keeping the event stream open, on a fake clock, with streams the test opens, feeds and drops. */
class EventStreamFollowerTest {

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final ApiRateLimiter limiter = new ApiRateLimiter(60, 1, clock);
    private final List<MultiEmitter<? super ApiEvent>> streams = new ArrayList<>();
    private final List<Runnable> openSignals = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final EventStreamFollower follower = new EventStreamFollower(onOpen -> {
        openSignals.add(onOpen);
        return Multi.createFrom().emitter(streams::add);
    }, limiter, timers, new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0), new EventStreamFollower.Listener() {
        @Override
        public void streaming(boolean up) {
            told.add(up ? "up" : "down");
        }

        @Override
        public void announceStarted(UUID jobId) {
            told.add("started " + jobId);
        }

        @Override
        public void announceEnded(UUID jobId) {
            told.add("ended " + jobId);
        }
    }, new SplittableRandom(1));

    @Test
    void handsAnnouncementsToTheTrackerOnceTheStreamIsUp() {
        UUID job = UUID.randomUUID();
        follower.start();
        openSignals.get(0).run();
        streams.get(0).emit(new ApiEvent(ApiEvent.Kind.STARTED, job));
        streams.get(0).emit(new ApiEvent(ApiEvent.Kind.FAILED, job));

        assertThat(told).containsExactly("up", "started " + job, "ended " + job);
        assertThat(follower.isUp()).isTrue();
    }

    @Test
    void reconnectsWithGrowingDelaysWhileRefusedAndFromScratchAfterADrop() {
        follower.start();
        streams.get(0).fail(new WebApplicationException(503));
        timers.advance(Duration.ofSeconds(1));
        assertThat(streams).hasSize(2); // after 1 s
        streams.get(1).fail(new WebApplicationException(503));
        timers.advance(Duration.ofSeconds(1));
        assertThat(streams).hasSize(2);
        timers.advance(Duration.ofSeconds(1));
        assertThat(streams).hasSize(3); // after 2 s more

        openSignals.get(2).run();
        streams.get(2).complete(); // the server ended a stream that was up: the backoff starts over
        timers.advance(Duration.ofSeconds(1));

        assertThat(streams).hasSize(4);
        assertThat(told).containsExactly("up", "down");
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
        openSignals.get(0).run();
        follower.stop();
        timers.advance(Duration.ofMinutes(1));

        assertThat(streams).hasSize(1);
        assertThat(told).containsExactly("up", "down");
    }
}

package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.client.ApiEvent;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Keeps the account's event stream open and hands its announcements to the tracker. Every connection takes a
 * limiter token first (opening the stream is a request like any other); a refused or dropped stream is reopened
 * after an exponential backoff; the tracker is told whether the stream is up, since its polls only guard against
 * lost events while it is. Failures are described by type and status only: the stream's URL carries the
 * token.
 */
public final class EventStreamFollower {

    /** Who is told what the stream says: the tracker's polls ({@link JobTracker#announcements()}). */
    public interface Listener {
        /** The stream connected ({@code true}) or dropped. */
        void streaming(boolean up);

        void announceStarted(UUID jobId);

        void announceEnded(UUID jobId);
    }

    private static final Logger LOG = Logger.getLogger(EventStreamFollower.class);

    private final Function<Runnable, Multi<ApiEvent>> open;
    private final ApiRateLimiter limiter;
    private final Timers timers;
    private final Backoff reconnect;
    private final Listener tracker;
    private final RandomGenerator random;
    private volatile boolean up;
    private int failedAttempts;
    private boolean stopped = true;
    private Cancellable connection;
    private Timers.Cancellable retry;

    /**
     * @param open opens the stream once, calling its argument when the first signal arrives
     */
    public EventStreamFollower(Function<Runnable, Multi<ApiEvent>> open, ApiRateLimiter limiter, Timers timers,
            Backoff reconnect, Listener tracker, RandomGenerator random) {
        this.open = open;
        this.limiter = limiter;
        this.timers = timers;
        this.reconnect = reconnect;
        this.tracker = tracker;
        this.random = random;
    }

    public synchronized void start() {
        stopped = false;
        connect();
    }

    public synchronized void stop() {
        stopped = true;
        if (retry != null) {
            retry.cancel();
        }
        if (connection != null) {
            connection.cancel();
        }
        setUp(false);
    }

    public boolean isUp() {
        return up;
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        Duration wait = limiter.tryAcquire();
        if (!wait.isZero()) {
            retry = timers.schedule(wait, this::connect);
            return;
        }
        connection = open.apply(this::opened).subscribe().with(this::received, this::dropped, () -> dropped(null));
    }

    private synchronized void opened() {
        failedAttempts = 0;
        setUp(true);
        LOG.info("SpiderIQ event stream connected: polls now only guard against lost events");
    }

    private void received(ApiEvent event) {
        if (event.isEnd()) {
            tracker.announceEnded(event.jobId());
        } else {
            tracker.announceStarted(event.jobId());
        }
    }

    private synchronized void dropped(Throwable failure) {
        boolean wasUp = up;
        setUp(false);
        if (stopped) {
            return;
        }
        Duration delay = reconnect.delay(failedAttempts++, random);
        if (wasUp || failedAttempts == 1) {
            LOG.warnf("SpiderIQ event stream %s; polling on learned durations, reconnecting in %d ms",
                    describe(failure), delay.toMillis());
        } else {
            LOG.debugf("SpiderIQ event stream %s again; reconnecting in %d ms", describe(failure), delay.toMillis());
        }
        retry = timers.schedule(delay, this::connect);
    }

    private void setUp(boolean live) {
        if (up != live) {
            up = live;
            tracker.streaming(live);
        }
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "ended by the server";
        }
        if (failure instanceof WebApplicationException refusal && refusal.getResponse() != null) {
            return "refused with HTTP " + refusal.getResponse().getStatus();
        }
        return "failed (" + failure.getClass().getSimpleName() + ")";
    }
}

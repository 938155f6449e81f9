package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.client.ApiEvent;
import ai.spideriq.tracker.client.EventStreamException;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import ai.spideriq.tracker.tracking.Backoff;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Keeps the account's event stream open and hands its announcements to the tracker. The stream is a nudge: it is
 * believed up only while frames arrive (SpiderIQ sends {@code connected} on connect and a {@code heartbeat} every
 * 30 s), and a stream silent for {@code idle-timeout} is dropped, whether it never answered or went quiet. Whatever
 * the stream answers costs only its own requests: one limiter token per connection, a backoff up to a long cap while
 * it keeps failing, one log line per change of state. It never pauses polling (a 429 aside, which is the account's
 * limit) and never judges the token. Failures are described by status only: the stream's URL carries the token.
 */
public final class EventStreamFollower {

    private static final Logger LOG = Logger.getLogger(EventStreamFollower.class);

    /**
     * Why a connection ended: {@code reason} and {@code status} are metric tags, {@code text} the log's words.
     *
     * @param status the HTTP status of a refusal, else empty
     */
    private record Drop(String reason, String status, String text) {
        static Drop of(String reason, String text) {
            return new Drop(reason, "", text);
        }
    }

    private final EventStreamSource source;
    private final ApiRateLimiter limiter;
    private final Timers timers;
    private final InstantSource clock;
    private final Backoff reconnect;
    private final Duration idleTimeout;
    private final EndHints hints;
    private final TrackerMetrics metrics;
    private final RandomGenerator random;
    private volatile boolean up;
    private volatile Instant lastSign;
    private boolean stopped = true;
    private int failedAttempts;
    private long generation;
    private String problem;
    private Cancellable connection;
    private Timers.Cancellable retry;
    private Timers.Cancellable watchdog;

    public EventStreamFollower(EventStreamSource source, ApiRateLimiter limiter, Timers timers, InstantSource clock,
            Backoff reconnect, Duration idleTimeout, EndHints hints, TrackerMetrics metrics, RandomGenerator random) {
        this.source = source;
        this.limiter = limiter;
        this.timers = timers;
        this.clock = clock;
        this.reconnect = reconnect;
        this.idleTimeout = idleTimeout;
        this.hints = hints;
        this.metrics = metrics;
        this.random = random;
        this.lastSign = clock.instant();
    }

    public synchronized void start() {
        stopped = false;
        connect();
    }

    public synchronized void stop() {
        stopped = true;
        cancel(retry);
        disconnect();
        setUp(false);
    }

    public boolean isUp() {
        return up;
    }

    /** Since the last frame (or since following began): what an operator checks when the stream seems quiet. */
    public Duration sinceLastFrame() {
        return Duration.between(lastSign, clock.instant());
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
        long connectionId = ++generation;
        Instant openedAt = clock.instant();
        connection = source.open().subscribe().with(event -> received(connectionId, event),
                failure -> dropped(connectionId, describe(failure)),
                () -> dropped(connectionId, Drop.of("ended", "ended by the server")));
        watch(connectionId, openedAt);
    }

    private synchronized void received(long connectionId, ApiEvent event) {
        if (connectionId != generation) {
            return; // a connection already given up
        }
        lastSign = clock.instant();
        if (!up) {
            setUp(true);
            LOG.infof("SpiderIQ event stream connected%s: announced ends are read at once",
                    problem == null ? "" : " again");
            problem = null;
        }
        switch (event.kind()) {
            case HEARTBEAT, QUEUED -> failedAttempts = 0; // it works past the handshake
            case STARTED -> {
                failedAttempts = 0;
                hints.announceStarted(event.jobId());
            }
            case COMPLETED, FAILED -> {
                failedAttempts = 0;
                hints.announceEnded(event.jobId());
            }
            case ERROR -> dropped(connectionId, Drop.of("error_event", "sent an error event"));
            default -> {
            }
        }
    }

    /** Checks for silence at the moment the stream would have been silent for {@code idle-timeout}. */
    private void watch(long connectionId, Instant since) {
        cancel(watchdog);
        Duration left = idleTimeout.minus(Duration.between(since, clock.instant()));
        watchdog = timers.schedule(left.isNegative() ? Duration.ZERO : left, () -> checkSilence(connectionId, since));
    }

    private synchronized void checkSilence(long connectionId, Instant openedAt) {
        if (connectionId != generation) {
            return;
        }
        Instant last = lastSign.isAfter(openedAt) ? lastSign : openedAt;
        if (Duration.between(last, clock.instant()).compareTo(idleTimeout) >= 0) {
            dropped(connectionId, Drop.of("silent", "silent for " + idleTimeout.toSeconds() + " s"));
        } else {
            watch(connectionId, last);
        }
    }

    private synchronized void dropped(long connectionId, Drop drop) {
        if (connectionId != generation) {
            return;
        }
        generation++;
        disconnect();
        boolean wasUp = up;
        setUp(false);
        metrics.detection().streamDropped(drop.reason(), drop.status());
        if (stopped) {
            return;
        }
        Duration delay = reconnect.delay(failedAttempts++, random);
        String reason = drop.text();
        if (wasUp || !reason.equals(problem)) {
            LOG.warnf("SpiderIQ event stream %s; tracking goes on by polls and sweeps, reconnecting with backoff "
                    + "(next in %d ms, at most every %d s)", reason, delay.toMillis(),
                    reconnect.maxDelay().toSeconds());
        } else {
            LOG.debugf("SpiderIQ event stream %s again; next attempt in %d ms", reason, delay.toMillis());
        }
        problem = reason;
        retry = timers.schedule(delay, this::connect);
    }

    private void disconnect() {
        cancel(watchdog);
        if (connection != null) {
            connection.cancel();
            connection = null;
        }
    }

    private void setUp(boolean live) {
        if (up != live) {
            up = live;
            hints.streaming(live);
        }
    }

    private static void cancel(Timers.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static Drop describe(Throwable failure) {
        String reason = failure instanceof EventStreamException broken ? broken.reason()
                : failure.getClass().getSimpleName();
        if (reason.startsWith("http ")) {
            return new Drop("refused", reason.substring(5), "refused with HTTP " + reason.substring(5));
        }
        return Drop.of("failed", "failed (" + reason + ")");
    }
}

package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;

/**
 * One dispatcher for the whole account: priority queues of due polls and a single timer. When a poll is due it asks
 * the shared limiter for a token, at send time, and hands the job over; when none is free it sleeps until the limiter
 * says one will be. Thousands of waiting jobs cost one queue entry each and no thread or timer.
 * <p>
 * Two lanes: polls of jobs the event stream announced as ended go first, since each finds a result for sure; the
 * scheduled polls share what tokens are left, earliest due first, so the longest-waiting is served next and nothing
 * starves.
 * <p>
 * Not thread-safe: every call must come from the tracker's one event-loop context.
 */
final class PollDispatcher {

    /** Who polls the jobs whose time has come. */
    interface Listener {
        /** The job holds a token and must be polled now; it waited {@code waitedForToken} for it. */
        void due(UUID jobId, Duration waitedForToken);

        /** The job's deadline entry came due (no token taken). */
        void deadlineReached(UUID jobId);
    }

    private record Due(Instant at, long seq, UUID jobId, boolean needsToken) {
    }

    private static final Comparator<Due> EARLIEST_FIRST = (a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq)
            : a.at.compareTo(b.at);

    private final PriorityQueue<Due> announced = new PriorityQueue<>(EARLIEST_FIRST);
    private final PriorityQueue<Due> scheduled = new PriorityQueue<>(EARLIEST_FIRST);
    /** The live entry of each job; any other entry for it in the queue is stale and skipped. */
    private final Map<UUID, Long> current = new HashMap<>();
    private final InstantSource clock;
    private final Timers timers;
    private final ApiRateLimiter limiter;
    private final Listener listener;
    private long seq;
    private Timers.Cancellable timer;
    private Instant timerAt;

    PollDispatcher(InstantSource clock, Timers timers, ApiRateLimiter limiter, Listener listener) {
        this.clock = clock;
        this.timers = timers;
        this.limiter = limiter;
        this.listener = listener;
    }

    /** Polls {@code jobId} at {@code at}, replacing any earlier plan for it. */
    void pollAt(UUID jobId, Instant at) {
        enqueue(scheduled, jobId, at, true);
    }

    /** Polls {@code jobId} at {@code at} ahead of every scheduled poll: it is known to have ended. */
    void pollAnnouncedAt(UUID jobId, Instant at) {
        enqueue(announced, jobId, at, true);
    }

    /** Calls the expiry callback for {@code jobId} at {@code at}, without spending a token. */
    void expireAt(UUID jobId, Instant at) {
        enqueue(scheduled, jobId, at, false);
    }

    void cancel(UUID jobId) {
        current.remove(jobId);
    }

    int size() {
        return current.size();
    }

    private void enqueue(PriorityQueue<Due> lane, UUID jobId, Instant at, boolean needsToken) {
        long s = ++seq;
        current.put(jobId, s);
        lane.add(new Due(at, s, jobId, needsToken));
        dispatch();
    }

    /** Sends every poll that is due and has a token; then arms the timer for the next moment anything can change. */
    void dispatch() {
        while (true) {
            Due first = liveHead(announced);
            Due second = liveHead(scheduled);
            if (first == null && second == null) {
                return;
            }
            Instant now = clock.instant();
            Due head = isDue(first, now) ? first : isDue(second, now) ? second : null;
            if (head == null) {
                arm(first == null || (second != null && second.at.isBefore(first.at)) ? second.at : first.at);
                return;
            }
            if (head.needsToken) {
                Duration wait = limiter.tryAcquire();
                if (!wait.isZero()) {
                    arm(now.plus(wait));
                    return;
                }
            }
            (head == first ? announced : scheduled).poll();
            current.remove(head.jobId);
            if (head.needsToken) {
                listener.due(head.jobId, Duration.between(head.at, now));
            } else {
                listener.deadlineReached(head.jobId);
            }
        }
    }

    private static boolean isDue(Due due, Instant now) {
        return due != null && !due.at.isAfter(now);
    }

    /** The lane's earliest entry that is still its job's current plan; stale entries are dropped on the way. */
    private Due liveHead(PriorityQueue<Due> lane) {
        while (!lane.isEmpty() && !Long.valueOf(lane.peek().seq).equals(current.get(lane.peek().jobId))) {
            lane.poll();
        }
        return lane.peek();
    }

    private void arm(Instant at) {
        if (timer != null && timerAt.equals(at)) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timerAt = at;
        timer = timers.schedule(Duration.between(clock.instant(), at), () -> {
            timer = null;
            dispatch();
        });
    }
}

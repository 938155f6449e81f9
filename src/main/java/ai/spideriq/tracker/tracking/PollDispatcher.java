package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;

/**
 * One dispatcher for the whole account: a priority queue of due polls and a single timer. When the earliest poll is
 * due it asks the shared limiter for a token, at send time, and hands the job over; when none is free it sleeps until
 * the limiter says one will be. Thousands of waiting jobs cost one queue entry each and no thread or timer.
 * <p>
 * Not thread-safe: every call must come from the tracker's one event-loop context.
 */
final class PollDispatcher {

    private record Due(Instant at, long seq, UUID jobId, boolean needsToken) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    /** The live entry of each job; any other entry for it in the queue is stale and skipped. */
    private final Map<UUID, Long> current = new HashMap<>();
    private final InstantSource clock;
    private final Timers timers;
    private final ApiRateLimiter limiter;
    private final BiConsumer<UUID, Duration> send;
    private final Consumer<UUID> expire;
    private long seq;
    private Timers.Cancellable timer;
    private Instant timerAt;

    /**
     * @param send   called with a job that holds a token and must be polled now, and how long it waited for it
     * @param expire called, without a token, for a job whose deadline entry came due
     */
    PollDispatcher(InstantSource clock, Timers timers, ApiRateLimiter limiter, BiConsumer<UUID, Duration> send,
            Consumer<UUID> expire) {
        this.clock = clock;
        this.timers = timers;
        this.limiter = limiter;
        this.send = send;
        this.expire = expire;
    }

    /** Polls {@code jobId} at {@code at}, replacing any earlier plan for it. */
    void pollAt(UUID jobId, Instant at) {
        enqueue(jobId, at, true);
    }

    /** Calls the expiry callback for {@code jobId} at {@code at}, without spending a token. */
    void expireAt(UUID jobId, Instant at) {
        enqueue(jobId, at, false);
    }

    void cancel(UUID jobId) {
        current.remove(jobId);
    }

    int size() {
        return current.size();
    }

    private void enqueue(UUID jobId, Instant at, boolean needsToken) {
        long s = ++seq;
        current.put(jobId, s);
        queue.add(new Due(at, s, jobId, needsToken));
        dispatch();
    }

    /** Sends every poll that is due and has a token; then arms the timer for the next moment anything can change. */
    void dispatch() {
        while (!queue.isEmpty()) {
            Due head = queue.peek();
            if (!Long.valueOf(head.seq).equals(current.get(head.jobId))) {
                queue.poll();
                continue;
            }
            Instant now = clock.instant();
            if (head.at.isAfter(now)) {
                arm(head.at);
                return;
            }
            if (head.needsToken) {
                Duration wait = limiter.tryAcquire();
                if (!wait.isZero()) {
                    arm(now.plus(wait));
                    return;
                }
            }
            queue.poll();
            current.remove(head.jobId);
            if (head.needsToken) {
                send.accept(head.jobId, Duration.between(head.at, now));
            } else {
                expire.accept(head.jobId);
            }
        }
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

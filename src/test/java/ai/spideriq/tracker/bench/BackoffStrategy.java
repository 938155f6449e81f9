package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.tracking.Backoff;

/**
 * gax-style polling: each job on its own exponential schedule (first poll 2 s after submission, then ×1.5, capped at
 * 30 s, no jitter), polling {@code /results}. A poll that falls due joins one FIFO line for the account's whole
 * 100 requests/minute budget, a Bucket4j bucket ({@link ApiRateLimiter} used as nothing more than the bucket: burst 10,
 * no server feedback). Any answer other than 200 or 410, 429 included, means "poll again at the next delay".
 */
final class BackoffStrategy implements PollStrategy {

    private static final Backoff SCHEDULE = new Backoff(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(30), 0);
    private static final int REQUESTS_PER_MINUTE = 100;
    private static final int BURST = 10;
    /** The schedule has no jitter, so what this draws never matters. */
    private static final SplittableRandom NO_JITTER = new SplittableRandom(0);

    private final Context context;
    private final ApiRateLimiter bucket;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Queue<String> line = new ArrayDeque<>();
    private boolean wakeUpArmed;

    BackoffStrategy(Context context) {
        this.context = context;
        this.bucket = new ApiRateLimiter(REQUESTS_PER_MINUTE, BURST, context.clock());
    }

    @Override
    public void submit(SimulatedJob job, long sequence) {
        attempts.put(job.jobId(), 0);
        context.timers().schedule(SCHEDULE.delay(0, NO_JITTER), () -> due(job.jobId()));
    }

    @Override
    public boolean isTracking(String jobId) {
        return attempts.containsKey(jobId);
    }

    private void due(String jobId) {
        line.add(jobId);
        sendWhileTokens();
    }

    private void sendWhileTokens() {
        while (!line.isEmpty()) {
            Duration wait = bucket.tryAcquire();
            if (!wait.isZero()) {
                if (!wakeUpArmed) {
                    wakeUpArmed = true;
                    context.timers().schedule(wait, () -> {
                        wakeUpArmed = false;
                        sendWhileTokens();
                    });
                }
                return;
            }
            poll(line.remove());
        }
    }

    private void poll(String jobId) {
        context.api().results(jobId, answer -> {
            bucket.answered(answer.status() == 429); // the window counts a request a minute from its answer
            if (answer.status() == 200 || answer.status() == 410) {
                attempts.remove(jobId);
                context.outcomes().accept(jobId, context.clock().instant());
            } else {
                int attempt = attempts.merge(jobId, 1, Integer::sum);
                context.timers().schedule(SCHEDULE.delay(attempt, NO_JITTER), () -> due(jobId));
            }
        });
    }
}

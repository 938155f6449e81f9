package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.SimulatedResponse;

/**
 * The bound no tracker can pass: it knows when every job ends (cancellations and lost events included, with no
 * detection request at all) and reads each one {@code /results} at that moment, first ended first read, through the
 * shipped limiter. What lag it still has is the budget's alone: reads that queue for tokens when jobs end in clusters.
 */
final class OracleStrategy implements PollStrategy {

    private final Context context;
    private final ApiRateLimiter limiter;
    private final Set<String> inFlight = new HashSet<>();
    private final Deque<String> ended = new ArrayDeque<>();
    private boolean waiting;

    OracleStrategy(Context context, TrackerConfig config) {
        this.context = context;
        this.limiter = new ApiRateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().burst(),
                context.clock());
    }

    @Override
    public void submit(SimulatedJob job, long sequence) {
        inFlight.add(job.jobId());
        Duration untilEnd = Duration.between(context.clock().instant(), job.endsAt());
        context.timers().schedule(untilEnd.isNegative() ? Duration.ZERO : untilEnd, () -> {
            ended.addLast(job.jobId());
            read();
        });
    }

    @Override
    public boolean isTracking(String jobId) {
        return inFlight.contains(jobId);
    }

    private void read() {
        while (!ended.isEmpty() && !waiting) {
            Duration wait = limiter.tryAcquire();
            if (!wait.isZero()) {
                waiting = true;
                context.timers().schedule(wait, () -> {
                    waiting = false;
                    read();
                });
                return;
            }
            String jobId = ended.removeFirst();
            context.api().results(jobId, answer -> answered(jobId, answer));
        }
    }

    private void answered(String jobId, SimulatedResponse answer) {
        limiter.answered(answer.status() == 429);
        if (answer.status() == 200 || answer.status() == 410) {
            inFlight.remove(jobId);
            context.outcomes().accept(jobId, context.clock().instant());
        } else {
            ended.addFirst(jobId); // a 429 (not expected within the budget): the next token is its
            read();
        }
    }
}

package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.tracking.LearnedDurations.Span;

/**
 * The poll scheduling policy: when to ask SpiderIQ about a job that is still running. It answers a time; the
 * {@link PollDispatcher} decides who gets the next token.
 * <p>
 * A job still running at age {@code a} is polled next where a share {@code c} of the jobs still running at {@code a}
 * will have ended: at the learned quantile {@code 1-(1-F(a))(1-c)}, {@code F} being the learned share ended by then.
 * Each poll has about the same chance {@code c} of finding the job done. {@code c} follows the budget: from its tight
 * end when the token bucket is empty to its slack end when it is full, so idle budget buys less lag and a busy one
 * stretches the polls. A job that outlives what was learned is polled after a share {@code c} of its age, as its odds
 * of ending soon shrink.
 * <ul>
 * <li>Without the event stream, {@code c} runs from {@code hit-chance} (tight) to {@code slack-hit-chance}.</li>
 * <li>While the stream is up, an announced end is polled at once (not here), so these polls only guard against a
 * silent end (a lost event, a cancellation): {@code c} runs from {@code fallback-quantile} (tight: one poll at that
 * quantile, then one every {@code fallback-interval}) to {@code hit-chance}.</li>
 * <li>While the job-list sweeps work, they find every end: one guard poll every {@code fallback-interval}, whatever
 * is learned and whatever the budget.</li>
 * <li>Until enough jobs of a type have ended, the configured poll backoff; while streaming, blended from it (slack)
 * to the fallback interval (tight).</li>
 * </ul>
 * Durations are measured from {@code job.started} when the stream said so (processing alone), else from first sight.
 * Every gap stays between {@code min-gap} and {@code poll.max-delay} (or {@code fallback-interval} while the stream
 * or the sweeps cover the job).
 */
final class PollPlanner {

    /**
     * @param hitChance chance a running job has ended by its next poll, when the budget is tight
     * @param slackHitChance the same when the budget is slack
     * @param minGap shortest gap between two polls of one job
     * @param maxGap longest gap while polling without the stream
     * @param fallbackQuantile while streaming, the learned quantile of the first guard poll when the budget is tight
     * @param fallbackInterval while streaming, the longest gap between guard polls
     * @param halfLife ended jobs of a type after which a learned duration counts half
     * @param minSamples ended jobs of a type before their durations are used
     */
    public record Settings(double hitChance, double slackHitChance, Duration minGap, Duration maxGap,
            double fallbackQuantile, Duration fallbackInterval, int halfLife, int minSamples) {

        public Settings {
            if (!(slackHitChance > 0 && slackHitChance <= hitChance && hitChance <= fallbackQuantile
                    && fallbackQuantile < 1)) {
                throw new IllegalArgumentException(
                        "need 0 < slack-hit-chance <= hit-chance <= fallback-quantile < 1");
            }
            if (minGap.isNegative() || maxGap.compareTo(minGap) < 0 || fallbackInterval.compareTo(minGap) < 0) {
                throw new IllegalArgumentException("gaps must satisfy 0 <= min-gap <= max-delay, fallback-interval");
            }
        }

        static Settings of(TrackerConfig config) {
            return new Settings(config.schedule().hitChance(), config.schedule().slackHitChance(),
                    config.schedule().minGap(), config.poll().maxDelay(),
                    config.events().fallbackQuantile(), config.events().fallbackInterval(),
                    config.schedule().halfLife(), config.schedule().minSamples());
        }
    }

    private final Settings settings;
    private final Backoff unlearned;
    private final LearnedDurations durations;
    private final DoubleSupplier slack;

    /**
     * @param slack how much of the budget goes unspent, 0 to 1 (the limiter's {@code slack()})
     */
    PollPlanner(Settings settings, Backoff unlearned, DoubleSupplier slack) {
        this.settings = settings;
        this.unlearned = unlearned;
        this.slack = slack;
        this.durations = new LearnedDurations(settings.halfLife(), settings.minSamples());
    }

    /** Learns from a job that SpiderIQ reported completed at {@code completedAt}. */
    void learn(TrackedJob job, Instant completedAt) {
        durations.observe(job.type(), Span.TOTAL, Duration.between(job.firstSeenAt(), completedAt));
        if (job.startedAt() != null) {
            durations.observe(job.type(), Span.PROCESSING, Duration.between(job.startedAt(), completedAt));
        }
    }

    Duration minGap() {
        return settings.minGap();
    }

    /** When to poll {@code job}, still running (or not yet asked), next, given what else will tell its end. */
    Instant next(TrackedJob job, Instant now, Coverage coverage, RandomGenerator random) {
        if (coverage == Coverage.SWEEPS) {
            // The sweeps see every end, cancellations included, and each costs one request for all jobs: the job's
            // own polls are only the net for an end a sweep missed (a list that lags past the overlap, a change past
            // max-pages), and every guard placed where ends are likely would look where the sweeps already do. At
            // 80 jobs/min, guards at the learned 95th percentile cost 3.5 requests/min: a sweep every 17 s.
            return now.plus(settings.fallbackInterval());
        }
        Instant anchor = anchor(job);
        Duration maxGap = coverage == Coverage.POLLS ? settings.maxGap() : settings.fallbackInterval();
        Optional<Double> endedBy = endedBy(job, now);
        if (endedBy.isEmpty()) {
            // The backoff's first delay serves both the first poll and the one after the first answer. While
            // streaming, the guard stretches it toward the fallback interval as the budget tightens.
            Duration backoff = unlearned.delay(job.polls() - 1, random);
            return coverage == Coverage.POLLS ? now.plus(backoff)
                    : within(now.plusNanos((long) blend(maxGap.toNanos(), backoff.toNanos())), now, maxGap);
        }
        // Still running at this age: the next poll goes where a share c of the jobs still running will have ended.
        // While streaming, polls only guard against a silent end: sparser by one step at either end of the blend.
        double hitChance = coverage == Coverage.POLLS ? blend(settings.hitChance(), settings.slackHitChance())
                : blend(settings.fallbackQuantile(), settings.hitChance());
        double quantile = 1 - (1 - endedBy.get()) * (1 - hitChance);
        Instant at = anchor.plus(durations.quantile(job.type(), span(job), quantile).orElseThrow());
        if (!at.isAfter(now.plus(settings.minGap()))) {
            // Outlived what was learned: wait a share of its age, as a job's odds of ending soon shrink with it.
            at = now.plusNanos((long) (Duration.between(anchor, now).toNanos() * hitChance));
        }
        return within(at, now, maxGap);
    }

    /**
     * Orders jobs by how likely they are to have ended by {@code now}: by the learned share of their type ended by
     * their age, and by age where nothing is learned yet.
     */
    Comparator<TrackedJob> likeliestEndedFirst(Instant now) {
        Comparator<TrackedJob> byShare = Comparator.comparingDouble(job -> endedBy(job, now).orElse(0.0));
        return byShare.reversed().thenComparing(TrackedJob::firstSeenAt);
    }

    /** The learned share of the job's type that had ended by the job's age, if enough is learned. */
    private Optional<Double> endedBy(TrackedJob job, Instant now) {
        return durations.shareWithin(job.type(), span(job), Duration.between(anchor(job), now));
    }

    private static Span span(TrackedJob job) {
        return job.startedAt() != null ? Span.PROCESSING : Span.TOTAL;
    }

    /** Where the job's age is measured from: processing alone once its start was announced. */
    private static Instant anchor(TrackedJob job) {
        return job.startedAt() != null ? job.startedAt() : job.firstSeenAt();
    }

    /** The {@code tight} value when the bucket is empty, the {@code slack} one when it is full, blended in between. */
    private double blend(double tight, double slack) {
        double spare = Math.min(1, Math.max(0, this.slack.getAsDouble()));
        return tight - (tight - slack) * spare;
    }

    private Instant within(Instant at, Instant now, Duration maxGap) {
        Instant earliest = now.plus(settings.minGap());
        Instant latest = now.plus(maxGap);
        return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
    }
}

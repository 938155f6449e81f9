package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.tracking.LearnedDurations.Span;

/**
 * The poll scheduling policy: when to ask SpiderIQ about a job that is still running. It answers a time; the
 * {@link PollDispatcher} decides who gets the next token.
 * <ul>
 * <li>While the event stream is up, a job's end is announced and polled at once, so polls only guard against lost
 * events and cancellations: one at the {@code fallback-quantile} of the job's learned duration, then one every
 * {@code fallback-interval}.</li>
 * <li>Without the stream, poll {@code n} (from 0) goes where the learned duration's quantile is
 * {@code 1-(1-hitChance)^(n+1)}: each poll has about the same chance of finding the job done. A job that outlives
 * what was learned is polled after a share {@code hitChance} of its age, as its odds of ending soon shrink.</li>
 * <li>Until enough jobs of a type have ended, the configured poll backoff.</li>
 * </ul>
 * Durations are measured from {@code job.started} when the stream said so (processing alone), else from first sight.
 * Every gap stays between {@code min-gap} and {@code poll.max-delay} (or {@code fallback-interval} while streaming).
 */
final class PollPlanner {

    /**
     * @param hitChance         chance a running job has ended by its next poll
     * @param minGap            shortest gap between two polls of one job
     * @param maxGap            longest gap while polling without the stream
     * @param fallbackQuantile  while streaming, the learned quantile of the one guard poll
     * @param fallbackInterval  while streaming, the gap between guard polls
     * @param halfLife          ended jobs of a type after which a learned duration counts half
     * @param minSamples        ended jobs of a type before their durations are used
     */
    public record Settings(double hitChance, Duration minGap, Duration maxGap, double fallbackQuantile,
            Duration fallbackInterval, int halfLife, int minSamples) {

        public Settings {
            if (!(hitChance > 0 && hitChance < 1) || !(fallbackQuantile > 0 && fallbackQuantile < 1)) {
                throw new IllegalArgumentException("hit chance and fallback quantile must lie strictly between 0 and 1");
            }
            if (minGap.isNegative() || maxGap.compareTo(minGap) < 0 || fallbackInterval.compareTo(minGap) < 0) {
                throw new IllegalArgumentException("gaps must satisfy 0 <= min-gap <= max-delay, fallback-interval");
            }
        }

        static Settings of(TrackerConfig config) {
            return new Settings(config.schedule().hitChance(), config.schedule().minGap(), config.poll().maxDelay(),
                    config.events().fallbackQuantile(), config.events().fallbackInterval(),
                    config.schedule().halfLife(), config.schedule().minSamples());
        }
    }

    private final Settings settings;
    private final Backoff unlearned;
    private final LearnedDurations durations;

    PollPlanner(Settings settings, Backoff unlearned) {
        this.settings = settings;
        this.unlearned = unlearned;
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

    /** When to poll {@code job} next, {@code job.polls()} answers having said it still runs. */
    Instant next(TrackedJob job, Instant now, boolean streaming, RandomGenerator random) {
        Span span = job.startedAt() != null ? Span.PROCESSING : Span.TOTAL;
        Instant anchor = job.startedAt() != null ? job.startedAt() : job.firstSeenAt();
        if (streaming) {
            Optional<Duration> guard = job.polls() == 0
                    ? durations.quantile(job.type(), span, settings.fallbackQuantile()) : Optional.empty();
            return within(guard.map(anchor::plus).orElse(now.plus(settings.fallbackInterval())), now,
                    settings.fallbackInterval());
        }
        double quantile = 1 - Math.pow(1 - settings.hitChance(), job.polls() + 1);
        Optional<Duration> learned = durations.quantile(job.type(), span, quantile);
        if (learned.isEmpty()) {
            // The backoff's first delay serves both the first poll and the one after the first answer, as it always has.
            return now.plus(unlearned.delay(job.polls() - 1, random));
        }
        Instant at = anchor.plus(learned.get());
        if (!at.isAfter(now.plus(settings.minGap()))) {
            // Outlived what was learned: wait a share of its age, as a job's odds of ending soon shrink with it.
            Duration age = Duration.between(anchor, now);
            at = now.plusNanos((long) (age.toNanos() * settings.hitChance()));
        }
        return within(at, now, settings.maxGap());
    }

    private Instant within(Instant at, Instant now, Duration maxGap) {
        Instant earliest = now.plus(settings.minGap());
        Instant latest = now.plus(maxGap);
        return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
    }
}

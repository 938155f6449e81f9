package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Turns a {@link JobSpec} into a {@link SimulatedJob}, drawing what the spec leaves open. Not thread-safe. */
final class JobDrawer {

    private static final Pattern UUID_PATTERN = Pattern
            .compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final SimulatorSettings settings;
    private final RandomGenerator random;

    JobDrawer(SimulatorSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /** Whether {@code id} has the UUID shape the API requires. */
    static boolean isUuid(String id) {
        return id != null && UUID_PATTERN.matcher(id).matches();
    }

    /** The id in the form jobs are stored under, or an exception if it is no UUID. */
    static String normalizeId(String id) {
        if (!isUuid(id)) {
            throw new IllegalArgumentException("job_id must be a UUID: " + id);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** The id {@code spec} will get: its own, or a fresh one from the seeded random. */
    String idFor(JobSpec spec) {
        return spec.jobId() != null ? normalizeId(spec.jobId()) : randomUuid();
    }

    /** A job created at {@code now} with id {@code jobId} (from {@link #idFor}). */
    SimulatedJob draw(String jobId, JobSpec spec, Instant now) {
        SimulatedJobType type = spec.type() != null ? spec.type() : SimulatedJobType.SPIDER_SITE;
        JobTiming timing = settings.timing(type);
        Duration queue = spec.queueTime() != null ? spec.queueTime() : lognormal(timing.queueMedian(), timing.sigma());
        Duration processing = spec.processingDuration() != null
                ? spec.processingDuration()
                : lognormal(timing.processingMedian(), timing.sigma());
        SimulatedOutcome outcome = spec.outcome() != null
                ? spec.outcome()
                : settings.outcomeMix().pick(random.nextDouble());
        String variant = spec.payloadVariant() != null ? checkedVariant(type, spec.payloadVariant())
                : pick(type.docsVariants());
        String worker = type.workerPrefix() + (1 + random.nextInt(type.workerCount()));
        if (queue.isNegative() || processing.isNegative()) {
            throw new IllegalArgumentException("Durations must not be negative");
        }
        return new SimulatedJob(jobId, type, variant, worker, now, queue, processing, outcome, null);
    }

    private Duration lognormal(Duration median, double sigma) {
        double factor = Math.exp(sigma * random.nextGaussian());
        return Duration.ofMillis(Math.round(median.toMillis() * factor));
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String checkedVariant(SimulatedJobType type, String variant) {
        if (!type.supportsVariant(variant)) {
            throw new IllegalArgumentException("Payload variant " + variant + " does not fit " + type.wireName());
        }
        return variant;
    }

    private String randomUuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}

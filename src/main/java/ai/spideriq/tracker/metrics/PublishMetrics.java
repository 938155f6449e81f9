package ai.spideriq.tracker.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What an operator needs to see a job that does not get out: failed Kafka writes, partial and unpublished outcomes,
 * jobs by phase and the age of the oldest in each. Every series exists from start-up, at 0.
 */
public final class PublishMetrics {

    public static final String WRITE_FAILURES = "spideriq.kafka.write_failures";
    public static final String OUTCOMES_PARTIAL = "spideriq.outcomes.partial";
    public static final String OUTCOMES_UNPUBLISHED = "spideriq.outcomes.unpublished";
    public static final String JOBS_BY_PHASE = "spideriq.jobs.by_phase";
    public static final String JOBS_OLDEST_AGE = "spideriq.jobs.oldest_age";
    /** {@code topic} tag values: the outcome topics' short names and the internal topics. */
    public static final List<String> TOPICS = List.of("completed", "failed", "cancelled", "in-flight", "hints");
    /** The outcome topics among {@link #TOPICS}. */
    private static final List<String> OUTCOME_TOPICS = TOPICS.subList(0, 3);
    /** {@code reason} tag values of a failed write. */
    public static final List<String> REASONS = List.of("record_too_large", "authorization", "unknown_topic", "timeout",
            "serialization", "other");
    public static final List<String> TYPES = List.of("spiderSite", "spiderMaps", "unknown");
    /** {@code phase} tag values: the tracking phases, lower case, and jobs whose in-flight record is being written. */
    public static final List<String> PHASES = List.of("registering", "waiting", "polling", "publishing");

    private final MeterRegistry registry;

    PublishMetrics(MeterRegistry registry) {
        this.registry = registry;
        TOPICS.forEach(topic -> REASONS.forEach(reason -> writeFailures(topic, reason)));
        TYPES.forEach(this::partial);
        OUTCOME_TOPICS.forEach(this::unpublished);
    }

    /** One failed attempt to write a record of {@code topic}; {@code reason} one of {@link #REASONS}. */
    public void writeFailed(String topic, String reason) {
        writeFailures(topic, REASONS.contains(reason) ? reason : "other").increment();
    }

    public void partialOutcome(String type) {
        partial(type == null ? "unknown" : type).increment();
    }

    /** This replica gave up publishing a job's outcome (its in-flight record stays for the next owner). */
    public void unpublished(String topic, int count) {
        unpublished(topic).increment(count);
    }

    /**
     * Registers the gauges of jobs by phase; {@code count} and {@code oldestAgeSeconds} answer for a phase tag.
     * Held strongly by the registry through {@code source}, which must outlive the registry.
     */
    public <T> void phaseGauges(T source, PhaseReader<T> count, PhaseReader<T> oldestAgeSeconds) {
        for (String phase : PHASES) {
            Gauge.builder(JOBS_BY_PHASE, source, read(count, phase)).tag("phase", phase).strongReference(true)
                    .description("Jobs in flight by phase (registering: its in-flight record is being written)")
                    .register(registry);
            Gauge.builder(JOBS_OLDEST_AGE, source, read(oldestAgeSeconds, phase)).tag("phase", phase)
                    .strongReference(true).baseUnit("seconds")
                    .description("Since first sight of the oldest job in this phase; 0 when the phase is empty")
                    .register(registry);
        }
    }

    /** A reading of one phase. */
    @FunctionalInterface
    public interface PhaseReader<T> {
        double read(T source, String phase);
    }

    private static <T> ToDoubleFunction<T> read(PhaseReader<T> reader, String phase) {
        return source -> reader.read(source, phase);
    }

    private Counter writeFailures(String topic, String reason) {
        return Counter.builder(WRITE_FAILURES)
                .description("Failed attempts to write a record to Kafka, by topic and reason (each retry counts)")
                .tags("topic", topic, "reason", reason).register(registry);
    }

    private Counter partial(String type) {
        return Counter.builder(OUTCOMES_PARTIAL)
                .description("Outcomes published without their largest fields because they exceed the topic's limit")
                .tag("type", type).register(registry);
    }

    private Counter unpublished(String topic) {
        return Counter.builder(OUTCOMES_UNPUBLISHED)
                .description("Outcomes this replica gave up publishing after retrying; the job is tracked again by "
                        + "the next owner of its partition")
                .tag("topic", topic).register(registry);
    }
}

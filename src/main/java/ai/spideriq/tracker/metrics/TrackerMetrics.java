package ai.spideriq.tracker.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every metric the tracker exports: the API, limiter and job meters here, the others through {@link #publish()},
 * {@link #detection()} and {@link #intake()}. Names start with {@code spideriq.} and are exported to Prometheus as
 * {@code spideriq_*}; tags are low-cardinality (never a job ID).
 */
@ApplicationScoped
public class TrackerMetrics {

    public static final String JOBS_IN_FLIGHT = "spideriq.jobs.in_flight";
    public static final String OUTCOMES = "spideriq.outcomes";
    public static final String API_REQUESTS = "spideriq.api.requests";
    public static final String API_RATE_LIMITED = "spideriq.api.rate_limited";
    public static final String LIMITER_WAIT = "spideriq.limiter.wait";
    public static final String LIMITER_TOKENS_AVAILABLE = "spideriq.limiter.tokens_available";
    public static final String LIMITER_BUDGET = "spideriq.limiter.budget_per_minute";
    public static final String LIMITER_PAUSED = "spideriq.limiter.paused";
    public static final String LIMITER_SHARED_STORE_UP = "spideriq.limiter.shared_store_up";
    public static final String JOB_REQUESTS = "spideriq.job.requests";
    public static final String JOB_TRACKING = "spideriq.job.tracking";
    public static final String JOB_DETECTION_LAG = "spideriq.job.detection_lag";
    public static final String API_REMAINING = "spideriq.api.remaining_requests";
    public static final String BUILD_INFO = "spideriq.build.info";
    public static final String KAFKA_REACHABLE = "spideriq.kafka.reachable";
    /** The {@code outcome} tag values. */
    public static final List<String> OUTCOME_TAGS = List.of("completed", "cancelled", "job_failed", "job_not_found",
            "tracking_deadline_exceeded");

    /** Prometheus names of the above, as a scrape shows them (for the test that checks they are all exported). */
    public static final List<String> PROMETHEUS_NAMES = List.of("spideriq_jobs_in_flight", "spideriq_outcomes_total",
            "spideriq_api_requests_seconds_count", "spideriq_api_rate_limited_total",
            "spideriq_limiter_wait_seconds_count", "spideriq_limiter_tokens_available",
            "spideriq_limiter_budget_per_minute", "spideriq_limiter_paused", "spideriq_limiter_shared_store_up",
            "spideriq_job_requests_count",
            "spideriq_job_tracking_seconds_count", "spideriq_job_detection_lag_seconds_count",
            "spideriq_intake_submissions_total", "spideriq_intake_dead_lettered_total",
            "spideriq_intake_dead_letter_truncated_total", "spideriq_intake_dead_letter_failed_total",
            "spideriq_events_received_total", "spideriq_events_stream_up", "spideriq_events_last_frame_age_seconds",
            "spideriq_events_drops_total", "spideriq_events_refusals_total", "spideriq_sweeps_total",
            "spideriq_sweep_ends_found_total", "spideriq_sweep_working", "spideriq_kafka_write_failures_total",
            "spideriq_outcomes_partial_total", "spideriq_outcomes_unpublished_total", "spideriq_jobs_by_phase",
            "spideriq_jobs_oldest_age_seconds", "spideriq_api_remaining_requests", "spideriq_build_info",
            "spideriq_kafka_reachable", "spideriq_detector_active", "spideriq_hints_published_total",
            "spideriq_hints_received_total", "spideriq_ends_found_total");

    private final MeterRegistry registry;
    private final Counter rateLimited;
    private final Timer limiterWait;
    private final DistributionSummary jobRequests;
    private final Timer detectionLag;
    private final PublishMetrics publish;
    private final DetectionMetrics detection;
    private final IntakeMetrics intake;
    private volatile BooleanSupplier sharedStoreUp = () -> false;

    public TrackerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder(API_RATE_LIMITED)
                .description("429 answers from the SpiderIQ API").register(registry);
        this.limiterWait = Timer.builder(LIMITER_WAIT)
                .description("How long a due poll waited for a token of the shared limiter")
                .serviceLevelObjectives(seconds(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120)).register(registry);
        this.jobRequests = DistributionSummary.builder(JOB_REQUESTS)
                .description("API requests one job cost, from first sight to its outcome")
                .serviceLevelObjectives(1, 2, 3, 5, 8, 13, 20, 50).register(registry);
        Gauge.builder(LIMITER_SHARED_STORE_UP, this, metrics -> metrics.sharedStoreUp.getAsBoolean() ? 1 : 0)
                .description("1 while the shared rate-limit store (Redis) answers; 0 while the replica falls back to "
                        + "its own share, or when the store is local")
                .register(registry);
        this.detectionLag = Timer.builder(JOB_DETECTION_LAG)
                .description("From the job's completed_at at SpiderIQ to its outcome published on Kafka")
                .serviceLevelObjectives(seconds(1, 2, 5, 10, 20, 30, 60, 120, 300)).register(registry);
        // Created up front so dashboards and alerts see zeros instead of gaps.
        for (String outcome : OUTCOME_TAGS) {
            PublishMetrics.TYPES.forEach(type -> outcomes(outcome, type));
        }
        this.publish = new PublishMetrics(registry);
        this.detection = new DetectionMetrics(registry);
        this.intake = new IntakeMetrics(registry);
    }

    public void gauges(Supplier<Number> inFlight, Supplier<Number> tokensAvailable, Supplier<Boolean> paused,
            Supplier<Number> budgetPerMinute) {
        Gauge.builder(JOBS_IN_FLIGHT, inFlight).description("Jobs being tracked").register(registry);
        Gauge.builder(LIMITER_TOKENS_AVAILABLE, tokensAvailable)
                .description("Tokens in the shared API token bucket").register(registry);
        Gauge.builder(LIMITER_PAUSED, () -> paused.get() ? 1 : 0)
                .description("1 while all polling is paused by a 429 or a rejected token").register(registry);
        Gauge.builder(LIMITER_BUDGET, budgetPerMinute)
                .description("This replica's part of the tracker's requests per 60 s (by owned input partitions); "
                        + "summed over replicas it is the configured share")
                .register(registry);
    }

    /** Whether the shared rate-limit store answers (spideriq.rate-limit.store=redis). */
    public void sharedStoreGauge(BooleanSupplier up) {
        sharedStoreUp = up;
    }

    /** One API request: {@code status} is the HTTP code, or {@code timeout} / {@code io_error}. */
    public void apiRequest(String endpoint, String status, Duration latency) {
        Timer.builder(API_REQUESTS).description("Requests to the SpiderIQ API")
                .tags("endpoint", endpoint, "status", status)
                .serviceLevelObjectives(seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
                .register(registry).record(latency);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void limiterWait(Duration wait) {
        limiterWait.record(wait);
    }

    /** A job ended: {@code outcome} is completed, cancelled or the failure reason. */
    public void outcome(String outcome, String type, int requests, Duration tracked) {
        outcomes(outcome, type == null ? "unknown" : type).increment();
        jobRequests.record(requests);
        Timer.builder(JOB_TRACKING).description("From first sight of a job to its outcome published")
                .tag("outcome", outcome)
                .serviceLevelObjectives(seconds(10, 30, 60, 120, 300, 600, 1800, 3600))
                .register(registry).record(tracked);
    }

    public void detectionLag(Duration lag) {
        detectionLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Failed Kafka writes, partial and unpublished outcomes, jobs by phase. */
    public PublishMetrics publish() {
        return publish;
    }

    /** The event stream, the job-list sweeps, the detector role and the hints. */
    public DetectionMetrics detection() {
        return detection;
    }

    /** Submissions consumed and dead-lettered. */
    public IntakeMetrics intake() {
        return intake;
    }

    /** A partial outcome was published (see {@link PublishMetrics#partialOutcome}). */
    public void partialOutcome(String type) {
        publish.partialOutcome(type);
    }

    /** The account's remaining requests as SpiderIQ last reported them; NaN until it has. */
    public void remainingGauge(Supplier<Number> remaining) {
        Gauge.builder(API_REMAINING, remaining)
                .description("Requests left in the account's window, as SpiderIQ's X-RateLimit-Remaining last said "
                        + "(shared by every consumer of the account); NaN until an answer carried it")
                .register(registry);
    }

    /** 1 while a Kafka broker has answered within {@code spideriq.kafka.unreachable-after}, else 0. */
    public void kafkaReachableGauge(Supplier<Boolean> reachable) {
        Gauge.builder(KAFKA_REACHABLE, () -> reachable.get() ? 1 : 0)
                .description("1 while a Kafka broker has answered recently (readiness check kafka-broker), 0 while "
                        + "none has for spideriq.kafka.unreachable-after")
                .register(registry);
    }

    /** Always 1; the tags say which build runs. */
    public void buildInfo(String version, String javaVersion) {
        Gauge.builder(BUILD_INFO, () -> 1).description("Which build of the tracker runs (always 1)")
                .tags("version", version, "java_version", javaVersion).register(registry);
    }

    private Counter outcomes(String outcome, String type) {
        return Counter.builder(OUTCOMES).description("Outcomes published, by outcome and job type")
                .tags("outcome", outcome, "type", type).register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis((long) (values[i] * 1000));
        }
        return durations;
    }
}

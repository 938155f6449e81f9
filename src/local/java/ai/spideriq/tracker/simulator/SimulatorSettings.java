package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the simulator core needs besides its clock and random source. Build with {@link #builder()}
 * (defaults as SpiderIQ documents them) or from configuration with {@link SimulatorConfigSettings#from}.
 *
 * @param acceptedTokens bearer tokens ({@code client_id:api_key:api_secret}) answered normally
 * @param inactiveTokens bearer tokens answered 403 (inactive account)
 * @param rateLimit the per-account rate limit
 * @param siteTiming durations of spiderSite jobs
 * @param mapsTiming durations of spiderMaps jobs
 * @param outcomeMix share of failed and cancelled drawn jobs
 * @param serverErrorFraction share of admitted API requests answered 500 at random
 * @param requestLogMaxEntries how many requests the log keeps (oldest dropped)
 * @param eventDelay how long after a state change the event stream announces it
 * @param eventDropRate share (0..1) of events the event stream loses
 * @param eventHeartbeat interval of each open stream's {@code heartbeat} event, on the simulator's clock
 * @param eventStreamMode how event streams behave until switched at run time (and again after a reset)
 * @param listMode how {@code /jobs/list} answers until switched at run time (and again after a reset)
 */
public record SimulatorSettings(Set<String> acceptedTokens, Set<String> inactiveTokens, RateLimitSettings rateLimit,
        JobTiming siteTiming, JobTiming mapsTiming, OutcomeMix outcomeMix,
        double serverErrorFraction, int requestLogMaxEntries, Duration eventDelay,
        double eventDropRate, Duration eventHeartbeat,
        EventStreamMode eventStreamMode, JobListMode listMode) {

    /** The token accepted unless configured otherwise. */
    public static final String DEFAULT_TOKEN = "sim-client:sim-key:sim-secret";

    public SimulatorSettings {
        acceptedTokens = Set.copyOf(acceptedTokens);
        inactiveTokens = Set.copyOf(inactiveTokens);
        if (serverErrorFraction < 0 || serverErrorFraction > 1 || requestLogMaxEntries < 1) {
            throw new IllegalArgumentException("serverErrorFraction must be in 0..1, requestLogMaxEntries >= 1");
        }
        Objects.requireNonNull(eventDelay, "eventDelay");
        Objects.requireNonNull(listMode, "listMode");
        Objects.requireNonNull(eventStreamMode, "eventStreamMode");
        if (eventHeartbeat.toMillis() < 1) {
            throw new IllegalArgumentException("eventHeartbeat must be at least 1 ms");
        }
        if (eventDelay.isNegative() || !(eventDropRate >= 0 && eventDropRate <= 1)) {
            throw new IllegalArgumentException("eventDelay must not be negative, eventDropRate must be in 0..1");
        }
    }

    /** The defaults. */
    public static SimulatorSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The timing of jobs of {@code type}. */
    public JobTiming timing(SimulatedJobType type) {
        return type == SimulatedJobType.SPIDER_MAPS ? mapsTiming : siteTiming;
    }

    /** Builds settings for use without CDI (tests, the benchmark). */
    public static final class Builder {
        private Set<String> acceptedTokens = Set.of(DEFAULT_TOKEN);
        private Set<String> inactiveTokens = Set.of();
        private RateLimitSettings rateLimit = RateLimitSettings.DEFAULTS;
        private JobTiming siteTiming = JobTiming.SITE_DEFAULTS;
        private JobTiming mapsTiming = JobTiming.MAPS_DEFAULTS;
        private OutcomeMix outcomeMix = OutcomeMix.DEFAULTS;
        private double serverErrorFraction;
        private int requestLogMaxEntries = 100_000;
        private Duration eventDelay = Duration.ZERO;
        private double eventDropRate;
        private Duration eventHeartbeat = Duration.ofSeconds(30);
        private EventStreamMode eventStreamMode = EventStreamMode.NORMAL;
        private JobListMode listMode = JobListMode.NORMAL;

        private Builder() {
        }

        public Builder acceptedTokens(Set<String> tokens) {
            this.acceptedTokens = tokens;
            return this;
        }

        public Builder inactiveTokens(Set<String> tokens) {
            this.inactiveTokens = tokens;
            return this;
        }

        public Builder rateLimit(RateLimitSettings settings) {
            this.rateLimit = settings;
            return this;
        }

        public Builder siteTiming(JobTiming timing) {
            this.siteTiming = timing;
            return this;
        }

        public Builder mapsTiming(JobTiming timing) {
            this.mapsTiming = timing;
            return this;
        }

        public Builder outcomeMix(OutcomeMix mix) {
            this.outcomeMix = mix;
            return this;
        }

        public Builder serverErrorFraction(double fraction) {
            this.serverErrorFraction = fraction;
            return this;
        }

        public Builder requestLogMaxEntries(int maxEntries) {
            this.requestLogMaxEntries = maxEntries;
            return this;
        }

        public Builder eventDelay(Duration delay) {
            this.eventDelay = delay;
            return this;
        }

        public Builder eventDropRate(double rate) {
            this.eventDropRate = rate;
            return this;
        }

        /** Interval of the stream's heartbeat event (SpiderIQ documents 30 s, the default). */
        public Builder eventHeartbeat(Duration interval) {
            this.eventHeartbeat = interval;
            return this;
        }

        /** How event streams behave at start and after each reset. */
        public Builder eventStreamMode(EventStreamMode mode) {
            this.eventStreamMode = mode;
            return this;
        }

        /** How {@code /jobs/list} answers at start and after each reset. */
        public Builder listMode(JobListMode mode) {
            this.listMode = mode;
            return this;
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(acceptedTokens, inactiveTokens, rateLimit, siteTiming, mapsTiming,
                    outcomeMix, serverErrorFraction, requestLogMaxEntries, eventDelay, eventDropRate,
                    eventHeartbeat, eventStreamMode, listMode);
        }
    }
}

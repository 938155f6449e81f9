package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration of the SpiderIQ API simulator ({@code simulator.*}): in the dev and test runs of the tracker, and in
 * the standalone {@link SimulatorMain}. The tracker's production artifact contains neither the simulator nor these keys.
 */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /**
     * Whether to serve the simulated API ({@code /api/v1/jobs/...}) and its control plane ({@code /simulator/...}) on the main
     * HTTP server.
     */
    @WithDefault("false")
    boolean enabled();

    /** Port of the standalone simulator ({@link SimulatorMain}: docker compose, the Kubernetes dev overlay). */
    @WithDefault("8080")
    int httpPort();

    /** Bearer tokens ({@code client_id:api_key:api_secret}) the simulated API accepts. */
    @WithDefault(SimulatorSettings.DEFAULT_TOKEN)
    List<String> acceptedTokens();

    /** Bearer tokens of inactive accounts, answered 403. */
    Optional<List<String>> inactiveTokens();

    /** The per-account rate limit. */
    RateLimitConfig rateLimit();

    /** Durations of spiderSite jobs. */
    SpiderSiteConfig spiderSite();

    /** Durations of spiderMaps jobs. */
    SpiderMapsConfig spiderMaps();

    /** How drawn jobs end. */
    OutcomesConfig outcomes();

    /** Share (0..1) of admitted API requests answered 500 at random. */
    @WithDefault("0")
    double serverErrorFraction();

    /** Seed of the random source, for reproducible runs; a random seed when absent. */
    OptionalLong seed();

    /** The log of answered requests. */
    RequestLogConfig requestLog();

    /** The account-wide event stream ({@code GET /api/v1/events/stream}). */
    EventsConfig events();

    /** The job list ({@code GET /api/v1/jobs/list}). */
    ListConfig list();

    /** Rate limit per client account: a fixed window plus a burst bucket. */
    interface RateLimitConfig {
        /** Requests allowed per window and account ({@code X-RateLimit-Limit}). */
        @WithDefault("100")
        int requestsPerWindow();

        /** Length of the fixed window. */
        @WithDefault("60s")
        Duration window();

        /** Requests allowed at once: capacity of a token bucket refilled at requests-per-window per window. */
        @WithDefault("20")
        int burst();
    }

    /** Durations of spiderSite jobs, each lognormal around its median. */
    interface SpiderSiteConfig {
        /** Median time a spiderSite job stays queued. */
        @WithDefault("2s")
        Duration queueMedian();

        /** Median time a spiderSite job stays processing. */
        @WithDefault("20s")
        Duration processingMedian();

        /** Sigma of the lognormal spread of both spiderSite durations (0 = always the median). */
        @WithDefault("0.6")
        double sigma();
    }

    /** Durations of spiderMaps jobs, each lognormal around its median. */
    interface SpiderMapsConfig {
        /** Median time a spiderMaps job stays queued. */
        @WithDefault("2s")
        Duration queueMedian();

        /** Median time a spiderMaps job stays processing. */
        @WithDefault("45s")
        Duration processingMedian();

        /** Sigma of the lognormal spread of both spiderMaps durations (0 = always the median). */
        @WithDefault("0.6")
        double sigma();
    }

    /** Outcome mix of drawn jobs; the rest complete. */
    interface OutcomesConfig {
        /** Share (0..1) of drawn jobs that fail (410 with an error message). */
        @WithDefault("0.05")
        double failedFraction();

        /** Share (0..1) of drawn jobs that end cancelled (410). */
        @WithDefault("0.02")
        double cancelledFraction();
    }

    /** The bounded log of answered requests. */
    interface RequestLogConfig {
        /** Most requests kept; the oldest are dropped beyond it (the counts by status keep counting). */
        @WithDefault("100000")
        int maxEntries();
    }

    /** The event stream announcing job starts and ends: best effort and late, like the real one can be. */
    interface EventsConfig {
        /** How late the event stream announces a state change (0 = as it happens). */
        @WithDefault("0s")
        Duration delay();

        /** Share (0..1) of events the stream loses, never to be replayed. */
        @WithDefault("0")
        double dropRate();

        /** Interval of the stream's heartbeat event, which keeps idle connections open through proxies (SpiderIQ: 30 s). */
        @WithDefault("30s")
        Duration heartbeat();

        /** How often the HTTP server hands due events and heartbeats to the open streams (the granularity of their timing). */
        @WithDefault("100ms")
        Duration tick();

        /**
         * How streams behave at start and after each reset: {@code normal}, {@code refuse}, {@code stall},
         * {@code silent_after}, {@code no_heartbeats}, {@code malformed} or {@code error}
         * ({@code POST /simulator/events/mode} switches it at run time).
         */
        @WithDefault("normal")
        String mode();

        /** The status the {@code refuse} mode answers instead of a stream (401, 403, 404, 429, 502, ...). */
        OptionalInt modeStatus();

        /** How long after connecting a stream in the {@code silent_after} mode goes quiet. */
        Optional<Duration> modeSilentAfter();
    }

    /** How the job list answers, for trying a client against a broken one. */
    interface ListConfig {
        /**
         * How {@code /jobs/list} answers at start and after each reset: {@code normal}, {@code missing},
         * {@code status}, {@code garbage}, {@code wrong_shape} or {@code empty} ({@code POST /simulator/list/mode}
         * switches it at run time).
         */
        @WithDefault("normal")
        String mode();

        /** The status (400..599) the list's {@code status} mode answers. */
        OptionalInt modeStatus();
    }
}

package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.testing.ShippedConfig;

/** The packaged service's settings for the end-to-end layer, from the defaults it ships with ({@link ShippedConfig}). */
final class TrackerDefaults {

    private TrackerDefaults() {
    }

    /**
     * Environment variables for the packaged service that compress its time {@code factor}-fold: every duration
     * divided, the request rate multiplied (the bucket's burst is a count and stays).
     */
    static Map<String, String> compressedEnvironment(double factor) {
        TrackerConfig c = ShippedConfig.load();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE",
                Long.toString(Math.round(c.rateLimit().requestsPerMinute() * factor)));
        env.put("SPIDERIQ_RATE_LIMIT_BURST", Integer.toString(c.rateLimit().burst()));
        env.put("SPIDERIQ_RATE_LIMIT_DEFAULT_RETRY_AFTER", millis(c.rateLimit().defaultRetryAfter(), factor));
        env.put("SPIDERIQ_RATE_LIMIT_AUTH_FAILURE_PAUSE", millis(c.rateLimit().authFailurePause(), factor));
        env.put("SPIDERIQ_POLL_INITIAL_DELAY", millis(c.poll().initialDelay(), factor));
        env.put("SPIDERIQ_POLL_MAX_DELAY", millis(c.poll().maxDelay(), factor));
        env.put("SPIDERIQ_ERROR_BACKOFF_INITIAL_DELAY", millis(c.errorBackoff().initialDelay(), factor));
        env.put("SPIDERIQ_ERROR_BACKOFF_MAX_DELAY", millis(c.errorBackoff().maxDelay(), factor));
        env.put("SPIDERIQ_TRACKING_DEADLINE", millis(c.tracking().deadline(), factor));
        env.put("SPIDERIQ_TRACKING_NOT_FOUND_GRACE", millis(c.tracking().notFoundGrace(), factor));
        env.put("SPIDERIQ_API_REQUEST_TIMEOUT", millis(c.api().requestTimeout(), factor));
        env.put("SPIDERIQ_SCHEDULE_MIN_GAP", millis(c.schedule().minGap(), factor));
        env.put("SPIDERIQ_EVENTS_FALLBACK_INTERVAL", millis(c.events().fallbackInterval(), factor));
        env.put("SPIDERIQ_EVENTS_RECONNECT_DELAY", millis(c.events().reconnectDelay(), factor));
        env.put("SPIDERIQ_EVENTS_MAX_RECONNECT_DELAY", millis(c.events().maxReconnectDelay(), factor));
        env.put("SPIDERIQ_EVENTS_IDLE_TIMEOUT", millis(c.events().idleTimeout(), factor));
        env.put("SPIDERIQ_SWEEP_IDLE_INTERVAL", millis(c.sweep().idleInterval(), factor));
        env.put("SPIDERIQ_SWEEP_STREAMING_INTERVAL", millis(c.sweep().streamingInterval(), factor));
        env.put("SPIDERIQ_SWEEP_TIGHT_INTERVAL", millis(c.sweep().tightInterval(), factor));
        env.put("SPIDERIQ_SWEEP_OVERLAP", millis(c.sweep().overlap(), factor));
        env.put("SPIDERIQ_SWEEP_OFF_DELAY", millis(c.sweep().offDelay(), factor));
        env.put("SPIDERIQ_SWEEP_MAX_OFF_DELAY", millis(c.sweep().maxOffDelay(), factor));
        return env;
    }

    private static String millis(Duration d, double factor) {
        return Math.max(1, Math.round(d.toMillis() / factor)) + "ms";
    }
}

package ai.spideriq.tracker.simulator;

import java.time.Duration;

/**
 * The per-account rate limit: a fixed window of {@code requestsPerWindow} requests, plus a token bucket of
 * {@code burst} tokens refilled greedily at {@code requestsPerWindow} per {@code window}.
 *
 * @param requestsPerWindow requests allowed per window (the API's 100)
 * @param window window length (the API's 60 s)
 * @param burst bucket capacity (the API's 20)
 */
public record RateLimitSettings(int requestsPerWindow, Duration window, int burst) {

    /** 100 per 60 s, burst 20, as SpiderIQ documents. */
    public static final RateLimitSettings DEFAULTS = new RateLimitSettings(100, Duration.ofSeconds(60), 20);

    public RateLimitSettings {
        if (requestsPerWindow < 1 || burst < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Rate limit numbers must be positive");
        }
    }
}

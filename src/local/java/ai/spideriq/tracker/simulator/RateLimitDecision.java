package ai.spideriq.tracker.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate limiter's answer to one request, with the headers it puts on the response.
 *
 * @param allowed whether the request passes (and was counted)
 * @param limit requests allowed per window
 * @param remaining requests left in the current window
 * @param resetEpochSecond Unix time (seconds, rounded up) when the current window ends
 * @param retryAfterSeconds when rejected: whole seconds until a request would pass (at least 1); else 0
 */
record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {

    /** {@code X-RateLimit-*}, plus {@code Retry-After} when rejected. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString(resetEpochSecond));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}

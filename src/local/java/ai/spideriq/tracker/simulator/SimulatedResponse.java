package ai.spideriq.tracker.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * One answer of the simulated API: HTTP status, response headers and the JSON body.
 *
 * @param status HTTP status code
 * @param headers response headers other than {@code Content-Type} (always JSON)
 * @param jsonBody the body, a JSON document
 */
public record SimulatedResponse(int status, Map<String, String> headers, String jsonBody) {

    public SimulatedResponse {
        headers = Map.copyOf(headers);
    }

    /** A response without headers. */
    public static SimulatedResponse of(int status, String jsonBody) {
        return new SimulatedResponse(status, Map.of(), jsonBody);
    }

    /** A response with {@code {"detail": ...}}, the API's error body. */
    public static SimulatedResponse detail(int status, String detail) {
        return of(status, "{\"detail\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(detail)) + "\"}");
    }

    /** This response with {@code extra} headers added (they win over existing ones). */
    public SimulatedResponse withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new SimulatedResponse(status, merged, jsonBody);
    }

    /** This response with {@code Retry-After} in whole seconds (rounded up), or unchanged for {@code null}. */
    public SimulatedResponse withRetryAfter(java.time.Duration retryAfter) {
        if (retryAfter == null) {
            return this;
        }
        return withHeaders(Map.of("Retry-After", Long.toString(retryAfter.plusNanos(999_999_999).getSeconds())));
    }

    /** A header value, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }
}

package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/** Reads SpiderIQ's {@code X-RateLimit-*} and {@code Retry-After} headers, forgiving of odd values. */
final class RateLimitHeaders {

    /** A reset below this is a number of seconds from now rather than a Unix time (the docs say Unix time). */
    private static final long UNIX_TIME_FLOOR = 1_000_000_000L;

    private RateLimitHeaders() {
    }

    static Optional<Long> remaining(Function<String, String> header) {
        return number(header.apply("X-RateLimit-Remaining"));
    }

    static Optional<Instant> reset(Function<String, String> header, Instant now) {
        return number(header.apply("X-RateLimit-Reset")).map(value -> value >= UNIX_TIME_FLOOR
                ? Instant.ofEpochSecond(value)
                : now.plusSeconds(value));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(Function<String, String> header, Instant now) {
        String value = header.apply("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(1, seconds.get())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((long) Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

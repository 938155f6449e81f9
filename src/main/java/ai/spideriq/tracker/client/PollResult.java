package ai.spideriq.tracker.client;

import java.time.Duration;

/** What one {@code GET /results} told about a job. {@code /results} alone encodes the state, so one call per poll. */
public sealed interface PollResult {

    /** A short label for operators and logs. */
    String wireName();

    /** 200 (completed, with data) or 410 (failed or cancelled): the job ended. */
    record Ended(JobResults results) implements PollResult {
        @Override
        public String wireName() {
            return results.status().wireName();
        }
    }

    /** 202: queued or processing. {@code type} is what the API reports, when it does. */
    record Running(String status, String type) implements PollResult {
        @Override
        public String wireName() {
            return status;
        }
    }

    /** 404: unknown job, or another account's. */
    record NotFound() implements PollResult {
        @Override
        public String wireName() {
            return "not found";
        }
    }

    /** 429: all polling is paused for {@code retryAfter}. */
    record RateLimited(Duration retryAfter) implements PollResult {
        @Override
        public String wireName() {
            return "rate limited";
        }
    }

    /** 401 or 403: the API does not accept the token. */
    record Rejected(int httpStatus) implements PollResult {
        @Override
        public String wireName() {
            return "token rejected (" + httpStatus + ")";
        }
    }

    /** 5xx, a timeout, a connection error or an answer that makes no sense: worth trying again later. */
    record Failed(String reason) implements PollResult {
        @Override
        public String wireName() {
            return reason;
        }
    }
}

package ai.spideriq.tracker.simulator;

import java.time.Instant;

/**
 * One answered API request. Holds whether the credentials were valid, never the token.
 *
 * @param time when it was answered (simulator clock)
 * @param method HTTP method
 * @param path request path
 * @param jobId the job id in the path, as sent
 * @param status the status answered
 * @param credentialsValid whether the {@code Authorization} header was accepted
 */
public record RequestRecord(Instant time, String method, String path, String jobId, int status,
        boolean credentialsValid) {
}

package ai.spideriq.tracker.client;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One frame of the account's event stream. Every frame, even one that does not parse, shows the stream is alive;
 * only job frames say something about a job. The stream is account-wide, so it also carries jobs this tracker does not
 * track, and other event families ({@code campaign.*}...), which are {@link Kind#OTHER}.
 *
 * @param jobId the job a job frame is about; null for connection frames and {@link Kind#OTHER}
 * @param message the server's {@code message} of an {@link Kind#ERROR} frame (server text: escape before logging)
 */
public record ApiEvent(Kind kind, UUID jobId, String message) {

    /** The documented frames, by their wire names. */
    public enum Kind {
        /** Sent once on connect. */
        CONNECTED("connected"),
        /** Sent every 30 s: the stream's liveness. */
        HEARTBEAT("heartbeat"),
        /** The server gives up on the stream; it closes it next. */
        ERROR("error"),
        QUEUED("job.queued"),
        STARTED("job.started"),
        COMPLETED("job.completed"),
        FAILED("job.failed"),
        /** Another event family, or a frame that does not parse. */
        OTHER("other");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Kind of(String wireName) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(wireName)) {
                    return kind;
                }
            }
            return OTHER;
        }

        boolean aboutAJob() {
            return this == QUEUED || this == STARTED || this == COMPLETED || this == FAILED;
        }
    }

    public ApiEvent(Kind kind, UUID jobId) {
        this(kind, jobId, null);
    }

    /** Whether the frame announces that a job has reached an end the API reports. */
    public boolean isEnd() {
        return kind == Kind.COMPLETED || kind == Kind.FAILED;
    }

    /**
     * Reads one server-sent event: the SSE event name, or else the {@code event} field of its JSON data. A job frame
     * needs a UUID {@code job_id}; anything that does not fit the documented frames is {@link Kind#OTHER}, never an
     * error: one odd frame must not cost the stream.
     */
    public static ApiEvent parse(String name, String data, ObjectMapper mapper) {
        JsonNode json = readJson(data, mapper);
        String eventName = name != null && !name.isBlank() ? name : json.path("event").asText(null);
        Kind kind = eventName == null ? Kind.OTHER : Kind.of(eventName.trim());
        if (kind == Kind.ERROR) {
            return new ApiEvent(kind, null, json.path("message").asText(null));
        }
        if (!kind.aboutAJob()) {
            return new ApiEvent(kind, null);
        }
        try {
            String jobId = json.path("job_id").asText(null);
            return jobId == null ? new ApiEvent(Kind.OTHER, null) : new ApiEvent(kind, UUID.fromString(jobId));
        } catch (IllegalArgumentException e) { // not a UUID: one lost event, which the sweeps and guard polls cover
            return new ApiEvent(Kind.OTHER, null);
        }
    }

    private static JsonNode readJson(String data, ObjectMapper mapper) {
        if (data == null || data.isBlank()) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(data);
        } catch (Exception e) {
            return mapper.missingNode();
        }
    }
}

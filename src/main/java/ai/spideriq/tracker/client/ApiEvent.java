package ai.spideriq.tracker.client;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One announcement of the account's event stream: what happened to which job. The stream is account-wide, so it
 * also carries jobs this tracker does not track.
 */
public record ApiEvent(Kind kind, UUID jobId) {

    /** The documented events, by their wire names. */
    public enum Kind {
        STARTED("job.started"),
        COMPLETED("job.completed"),
        FAILED("job.failed");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Optional<Kind> of(String wireName) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(wireName)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the job has reached an end the API reports. */
    public boolean isEnd() {
        return kind != Kind.STARTED;
    }

    /**
     * Reads one server-sent event: the SSE event name, or else the {@code event} field of its JSON data, and the
     * data's {@code job_id}. Empty for heartbeats, undocumented events and data that does not parse.
     */
    public static Optional<ApiEvent> parse(String name, String data, ObjectMapper mapper) {
        if (data == null || data.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = mapper.readTree(data);
            String eventName = name != null && !name.isBlank() ? name : json.path("event").asText(null);
            String jobId = json.path("job_id").asText(null);
            if (eventName == null || jobId == null) {
                return Optional.empty();
            }
            UUID id = UUID.fromString(jobId);
            return Kind.of(eventName).map(kind -> new ApiEvent(kind, id));
        } catch (Exception e) { // malformed JSON or job id: one lost event, which the guard polls cover
            return Optional.empty();
        }
    }
}

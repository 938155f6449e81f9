package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The control plane's mode switches as JSON: {@code POST /simulator/events/mode} and {@code POST /simulator/list/mode}
 * bodies in, the new mode out.
 * Unknown modes and fields are refused (400) so a typo never silently leaves the simulator behaving normally.
 */
final class ModeRequests {

    private final ObjectMapper mapper;

    ModeRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * {@code {"mode":"refuse","status":401}} (optional {@code retry_after_seconds}; a 429 defaults to 60),
     * {@code {"mode":"silent_after","after_seconds":60}}, {@code stall}, {@code no_heartbeats}, {@code malformed},
     * {@code error}, {@code normal}.
     */
    EventStreamMode eventStreamMode(JsonNode body) {
        EventStreamMode.Kind kind = EventStreamMode.Kind.fromWireName(
                mode(body, Set.of("status", "retry_after_seconds", "after_seconds")));
        boolean refusal = kind == EventStreamMode.Kind.REFUSE;
        boolean silence = kind == EventStreamMode.Kind.SILENT_AFTER;
        if (!refusal && (body.has("status") || body.has("retry_after_seconds")) || !silence && body.has("after_seconds")) {
            throw new IllegalArgumentException("Field not taken by mode " + kind.wireName());
        }
        if (refusal) {
            int status = requiredInt(body, "status");
            return body.has("retry_after_seconds")
                    ? EventStreamMode.refuse(status, seconds(body, "retry_after_seconds"))
                    : EventStreamMode.refuse(status);
        }
        return silence ? EventStreamMode.silentAfter(seconds(body, "after_seconds")) : EventStreamMode.of(kind);
    }

    ObjectNode view(EventStreamMode mode) {
        ObjectNode view = mapper.createObjectNode().put("mode", mode.kind().wireName());
        if (mode.kind() == EventStreamMode.Kind.REFUSE) {
            view.put("status", mode.status());
        }
        if (mode.retryAfter() != null) {
            view.put("retry_after_seconds", mode.retryAfter().toMillis() / 1000.0);
        }
        if (mode.silentAfter() != null) {
            view.put("after_seconds", mode.silentAfter().toMillis() / 1000.0);
        }
        return view;
    }

    /** {@code {"mode":"missing"}}, {@code {"mode":"status","status":422}}, {@code garbage}, ... */
    JobListMode listMode(JsonNode body) {
        JobListMode.Kind kind = JobListMode.Kind.fromWireName(mode(body, Set.of("status")));
        if (kind == JobListMode.Kind.STATUS) {
            return JobListMode.status(requiredInt(body, "status"));
        }
        if (body.has("status")) {
            throw new IllegalArgumentException("Only the status mode takes a status");
        }
        return new JobListMode(kind, 0);
    }

    ObjectNode view(JobListMode mode) {
        ObjectNode view = mapper.createObjectNode().put("mode", mode.kind().wireName());
        if (mode.kind() == JobListMode.Kind.STATUS) {
            view.put("status", mode.status());
        }
        return view;
    }

    /** The {@code mode} field, after checking every other field is one of {@code extraFields}. */
    static String mode(JsonNode body, Set<String> extraFields) {
        if (body == null || !body.isObject() || !body.path("mode").isTextual()) {
            throw new IllegalArgumentException("Expected {\"mode\": \"...\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("mode") && !extraFields.contains(name)) {
                throw new IllegalArgumentException("Unknown field: " + name);
            }
        }
        return body.path("mode").asText();
    }

    static Duration seconds(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber() || node.asDouble() < 0) {
            throw new IllegalArgumentException(field + " must be a number of seconds >= 0");
        }
        return Duration.ofMillis(Math.round(node.asDouble() * 1000));
    }

    static int requiredInt(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return node.asInt();
    }
}

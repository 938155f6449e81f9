package ai.spideriq.tracker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The control plane's mode switches as JSON: {@code POST /simulator/list/mode} bodies in, the current mode out.
 * Unknown modes and fields are refused (400) so a typo never silently leaves the simulator behaving normally.
 */
final class ModeRequests {

    private final ObjectMapper mapper;

    ModeRequests(ObjectMapper mapper) {
        this.mapper = mapper;
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
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("mode") && !extraFields.contains(name)) {
                throw new IllegalArgumentException("Unknown field: " + name);
            }
        }
        return body.path("mode").asText();
    }

    static int requiredInt(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return node.asInt();
    }
}

package ai.spideriq.tracker.client;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of {@code GET /api/v1/jobs/{job_id}/results} (200, 202 or 410) as the tracker reads it: the envelope
 * fields it acts on, and {@code data} as SpiderIQ sent it. The tracker never looks into {@code data}: its shape is
 * described once, for the consumers of the outcome topics, by {@code schemas/spideriq.results-data.v1.schema.json},
 * and fields a newer API version adds pass through unchanged. The body's other fields ({@code success},
 * {@code job_id}, {@code message}, anything newer) are not read.
 *
 * @param type null when absent or not a type this tracker knows
 * @param status null when absent; {@link JobStatus#UNKNOWN} for a value this tracker does not know
 * @param completedAt ISO-8601; a value without zone or offset is taken as UTC
 * @param data the {@code data} value as parsed from the body, not to be modified; null when absent or JSON null
 */
public record JobResults(
        JobType type,
        JobStatus status,
        Double processingTimeSeconds,
        String workerId,
        Instant completedAt,
        String errorMessage,
        JsonNode data) {

    /** The type's wire name ({@code spiderSite}, {@code spiderMaps}), or null when the body named none this knows. */
    public String typeName() {
        return type == null ? null : type.wireName();
    }

    /**
     * Reads a results body.
     *
     * @throws IOException when it is not JSON, or an envelope field has a value of the wrong kind
     * @throws IllegalArgumentException when it is not a JSON object
     * @throws java.time.DateTimeException when {@code completed_at} is not an ISO-8601 date-time
     */
    public static JobResults read(ObjectMapper mapper, String body) throws IOException {
        JsonNode json = mapper.readTree(body);
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("results body must be a JSON object, got "
                    + (json == null ? "nothing" : json.getNodeType()));
        }
        JsonNode type = value(json, "type");
        JsonNode status = value(json, "status");
        return new JobResults(
                type != null && type.isTextual() ? JobType.fromWire(type.textValue()).orElse(null) : null,
                status == null ? null : status.isTextual() ? JobStatus.fromWire(status.textValue()) : JobStatus.UNKNOWN,
                convert(mapper, json, "processing_time_seconds", Double.class),
                convert(mapper, json, "worker_id", String.class),
                completedAt(value(json, "completed_at")),
                convert(mapper, json, "error_message", String.class),
                value(json, "data"));
    }

    /** The field's value; null when absent or JSON null. */
    private static JsonNode value(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** The field as a Java value, with the mapper's coercions (a number in a string, a number as text). */
    private static <T> T convert(ObjectMapper mapper, JsonNode json, String field, Class<T> type) throws IOException {
        JsonNode value = value(json, field);
        return value == null ? null : mapper.treeToValue(value, type);
    }

    private static Instant completedAt(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("completed_at must be a string, got " + value.getNodeType());
        }
        return LenientInstant.parse(value.textValue());
    }
}

package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code GET /api/v1/jobs/{job_id}/results} in any of its shapes (200, 202, 410; a 404 parses too).
 *
 * @param type    null when absent or not a type this client knows (the raw value then sits in {@code extras})
 * @param status  {@link JobStatus#UNKNOWN} for a value this client does not know (the raw value sits in {@code extras})
 * @param data    typed by {@code type}; {@link UnknownJobData} when the type is absent or unknown
 * @param extras  unknown top-level properties, plus the raw {@code type}/{@code status} when not recognised;
 *                an entry named like a known field is written in that field's place
 * @param omitted wire names of known fields the body did not carry, so they are not written back as null
 */
@JsonDeserialize(using = JobResultsJson.Deserializer.class)
@JsonSerialize(using = JobResultsJson.Serializer.class)
public record JobResults(
        Boolean success,
        String jobId,
        JobType type,
        JobStatus status,
        Double processingTimeSeconds,
        String workerId,
        Instant completedAt,
        String message,
        JobData data,
        String errorMessage,
        Map<String, JsonNode> extras,
        Set<String> omitted) {

    public JobResults {
        extras = Extras.copy(extras);
        omitted = omitted == null ? Set.of() : Set.copyOf(omitted);
    }

    /** The data as the given type, empty if there is none or it is of another type. */
    public <T extends JobData> Optional<T> dataAs(Class<T> dataType) {
        return dataType.isInstance(data) ? Optional.of(dataType.cast(data)) : Optional.empty();
    }
}

package ai.spideriq.tracker.intake;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.intake.RejectedSubmission.Reason;

/**
 * Reads a record of the submitted topic: a JSON object {@code {"job_id": "<uuid>", "type": ...}}, a JSON string, or
 * a bare job ID; the key, when present, is the job ID too. Anything else is rejected with its reason. A job ID is a
 * canonical UUID before it is ever put into a URL.
 */
public final class SubmissionParser {

    static final Set<String> JOB_TYPES = Set.of("spiderSite", "spiderMaps");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SHOWN_CHARS = 64;

    private final ObjectMapper mapper;
    private final int maxBytes;

    public SubmissionParser(ObjectMapper mapper, int maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** @throws RejectedSubmission when the record is not a usable submission */
    public Submission parse(String key, byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedSubmission(Reason.EMPTY_RECORD, "the record has no value");
        }
        if (value.length > maxBytes) {
            throw new RejectedSubmission(Reason.RECORD_TOO_LARGE,
                    value.length + " bytes, more than the limit of " + maxBytes);
        }
        String text = new String(value, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new RejectedSubmission(Reason.EMPTY_RECORD, "the record value is blank");
        }
        Submission submission = text.startsWith("{") || text.startsWith("\"") || text.startsWith("[")
                ? fromJson(text)
                : new Submission(jobId(text), null);
        if (key != null && !key.isBlank() && !key.strip().equalsIgnoreCase(submission.jobId().toString())) {
            throw new RejectedSubmission(Reason.KEY_MISMATCH,
                    "key '" + shown(key) + "' is not the job ID " + submission.jobId());
        }
        return submission;
    }

    private Submission fromJson(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RejectedSubmission(Reason.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node.isTextual()) {
            return new Submission(jobId(node.asText()), null);
        }
        if (!node.isObject()) {
            throw new RejectedSubmission(Reason.MALFORMED_JSON, "expected a JSON object or string, got " + node.getNodeType());
        }
        JsonNode id = node.get("job_id");
        if (id == null || id.isNull()) {
            throw new RejectedSubmission(Reason.MISSING_JOB_ID, "the object has no job_id");
        }
        if (!id.isTextual()) {
            throw new RejectedSubmission(Reason.INVALID_JOB_ID, "job_id must be a UUID string, got " + id.getNodeType());
        }
        JsonNode type = node.get("type");
        String jobType = null;
        if (type != null && !type.isNull()) {
            if (!type.isTextual() || !JOB_TYPES.contains(type.asText())) {
                throw new RejectedSubmission(Reason.UNKNOWN_JOB_TYPE,
                        "type '" + shown(type.asText(type.toString())) + "' is not one of " + JOB_TYPES);
            }
            jobType = type.asText();
        }
        return new Submission(jobId(id.asText()), jobType);
    }

    private static UUID jobId(String text) {
        String candidate = text.strip();
        if (!UUID_TEXT.matcher(candidate).matches()) {
            throw new RejectedSubmission(Reason.INVALID_JOB_ID, "'" + shown(candidate) + "' is not a UUID");
        }
        return UUID.fromString(candidate);
    }

    /** Enough of a bad value to recognise it in a log or a header, not a whole payload. */
    private static String shown(String value) {
        return value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "...";
    }
}

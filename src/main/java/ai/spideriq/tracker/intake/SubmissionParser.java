package ai.spideriq.tracker.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import ai.spideriq.tracker.intake.RejectedSubmission.Reason;

/**
 * Reads a record of the submitted topic: a JSON object {@code {"job_id": "<uuid>", "type": ...}}, a JSON string, or
 * a bare job ID; the key, when present, is the job ID too, as UTF-8 text. Anything else, and anything ambiguous, is
 * rejected with its reason (docs/topics.md lists them). A job ID is a canonical UUID before it is
 * ever put into a URL. The JSON is streamed, not built into a tree: fields other than {@code job_id} and {@code type}
 * are only checked to be JSON, however deep they nest within the size limit.
 */
public final class SubmissionParser {

    static final Set<String> JOB_TYPES = Set.of("spiderSite", "spiderMaps");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SHOWN_CHARS = 64;

    private final JsonFactory json;
    private final int maxBytes;

    public SubmissionParser(int maxBytes) {
        this.maxBytes = maxBytes;
        this.json = JsonFactory.builder()
                // Of two job_id fields neither is more right than the other.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Each level takes at least one byte, so the size limit is the only depth limit.
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Math.max(1, maxBytes)).build())
                .build();
    }

    /**
     * @param key the record key as it came, or null
     * @throws RejectedSubmission when the record is not a usable submission
     */
    public Submission parse(byte[] key, byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedSubmission(Reason.EMPTY_RECORD, "the record has no value");
        }
        if (value.length > maxBytes) {
            throw new RejectedSubmission(Reason.RECORD_TOO_LARGE,
                    value.length + " bytes, more than the limit of " + maxBytes);
        }
        int first = firstNonWhitespace(value);
        if (first == value.length) {
            throw new RejectedSubmission(Reason.EMPTY_RECORD, "the record value is blank");
        }
        byte lead = value[first];
        Submission submission = lead == '{' || lead == '"' || lead == '['
                ? fromJson(value)
                : new Submission(jobId(new String(value, StandardCharsets.UTF_8)), null);
        // An empty key is a key, and not this job's ID: only a missing key means "no key".
        if (key != null) {
            String text = utf8(key, submission);
            if (!text.equalsIgnoreCase(submission.jobId().toString())) {
                throw new RejectedSubmission(Reason.KEY_MISMATCH,
                        "key " + shown(text) + " is not the job ID " + submission.jobId());
            }
        }
        return submission;
    }

    /**
     * The key as text, decoded strictly: bytes that are not UTF-8 are no job ID, whatever a lenient decoding (with
     * replacement characters) would make of them. Such a key is shown by its length only.
     */
    private static String utf8(byte[] key, Submission submission) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedSubmission(Reason.KEY_MISMATCH, "the key (" + key.length
                    + " bytes) is not valid UTF-8, so not the job ID " + submission.jobId());
        }
    }

    private Submission fromJson(byte[] value) {
        try (JsonParser parser = json.createParser(value)) {
            JsonToken token = parser.nextToken();
            Submission submission;
            if (token == JsonToken.VALUE_STRING) {
                submission = new Submission(jobId(parser.getText()), null);
            } else if (token == JsonToken.START_OBJECT) {
                submission = fromObject(parser);
            } else {
                throw new RejectedSubmission(Reason.MALFORMED_JSON, "expected a JSON object or string, got " + token);
            }
            if (parser.nextToken() != null) {
                throw new RejectedSubmission(Reason.MALFORMED_JSON, "more content after the JSON value");
            }
            return submission;
        } catch (JsonProcessingException e) {
            throw new RejectedSubmission(Reason.MALFORMED_JSON,
                    "not valid JSON: " + LogSafe.escaped(e.getOriginalMessage(), 200));
        } catch (IOException e) {
            throw new RejectedSubmission(Reason.MALFORMED_JSON, "unreadable: " + LogSafe.escaped(e.getMessage(), 200));
        }
    }

    /** Reads the whole object first, so that malformed JSON is reported as such whatever its fields say. */
    private Submission fromObject(JsonParser parser) throws IOException {
        JsonToken idToken = null;
        String id = null;
        JsonToken typeToken = null;
        String type = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("job_id".equals(name)) {
                idToken = token;
                id = token == JsonToken.VALUE_STRING ? parser.getText() : null;
            } else if ("type".equals(name)) {
                typeToken = token;
                type = token == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            parser.skipChildren();
        }
        if (idToken == null) {
            throw new RejectedSubmission(Reason.MISSING_JOB_ID, "the object has no job_id");
        }
        if (idToken != JsonToken.VALUE_STRING) {
            throw new RejectedSubmission(Reason.INVALID_JOB_ID, "job_id must be a UUID string, got " + idToken);
        }
        // Left out or null (the v1 schema allows both) means not given; a number or an unknown name is a mistake.
        if (typeToken != null && typeToken != JsonToken.VALUE_NULL && (type == null || !JOB_TYPES.contains(type))) {
            throw new RejectedSubmission(Reason.UNKNOWN_JOB_TYPE, "type "
                    + (type == null ? typeToken.toString() : shown(type)) + " is not one of " + JOB_TYPES);
        }
        return new Submission(jobId(id), type);
    }

    /** Exactly a UUID: no trimming, since " id" or "id\n" is not what a submitter who means the ID sends. */
    private static UUID jobId(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new RejectedSubmission(Reason.INVALID_JOB_ID, shown(text) + " is not a UUID");
        }
        return UUID.fromString(text);
    }

    private static int firstNonWhitespace(byte[] value) {
        int i = 0;
        while (i < value.length && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n' || value[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** Enough of a bad value to recognise it in a log or a header, quoted and escaped, not a whole payload. */
    private static String shown(String value) {
        return LogSafe.quoted(value, SHOWN_CHARS);
    }
}

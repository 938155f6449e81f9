package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-written JSON mapping of {@link JobResults}.
 *
 * <p>Annotations cannot express what it needs: {@code data} typed by a sibling property (EXTERNAL_PROPERTY type
 * info is unreliable with records and creators), unknown type/status values kept verbatim, and absent fields told
 * apart from null ones so a short 202 or a 404 body is written back as it came.
 */
final class JobResultsJson {

    static final String SUCCESS = "success";
    static final String JOB_ID = "job_id";
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String PROCESSING_TIME_SECONDS = "processing_time_seconds";
    static final String WORKER_ID = "worker_id";
    static final String COMPLETED_AT = "completed_at";
    static final String MESSAGE = "message";
    static final String DATA = "data";
    static final String ERROR_MESSAGE = "error_message";

    static final List<String> FIELDS = List.of(SUCCESS, JOB_ID, TYPE, STATUS, PROCESSING_TIME_SECONDS, WORKER_ID,
            COMPLETED_AT, MESSAGE, DATA, ERROR_MESSAGE);

    private JobResultsJson() {
    }

    static final class Deserializer extends StdDeserializer<JobResults> {

        Deserializer() {
            super(JobResults.class);
        }

        @Override
        public JobResults deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode body = ctxt.readTree(p);
            if (!body.isObject()) {
                return ctxt.reportInputMismatch(JobResults.class, "results body must be a JSON object, got %s",
                        body.getNodeType());
            }
            Map<String, JsonNode> extras = new LinkedHashMap<>();
            body.properties().forEach(e -> {
                if (!FIELDS.contains(e.getKey())) {
                    extras.put(e.getKey(), e.getValue());
                }
            });
            Set<String> omitted = new LinkedHashSet<>();
            FIELDS.stream().filter(f -> !body.has(f)).forEach(omitted::add);

            JobType type = null;
            JsonNode typeNode = body.get(TYPE);
            if (present(typeNode)) {
                type = typeNode.isTextual() ? JobType.fromWire(typeNode.textValue()).orElse(null) : null;
                if (type == null) {
                    extras.put(TYPE, typeNode);
                }
            }
            JobStatus status = null;
            JsonNode statusNode = body.get(STATUS);
            if (present(statusNode)) {
                status = statusNode.isTextual() ? JobStatus.fromWire(statusNode.textValue()) : JobStatus.UNKNOWN;
                if (status == JobStatus.UNKNOWN) {
                    extras.put(STATUS, statusNode);
                }
            }
            JsonNode dataNode = body.get(DATA);
            JobData data = null;
            if (present(dataNode)) {
                data = type == null ? new UnknownJobData(dataNode) : ctxt.readTreeAsValue(dataNode, type.dataType());
            }
            return new JobResults(
                    convert(ctxt, body.get(SUCCESS), Boolean.class),
                    convert(ctxt, body.get(JOB_ID), String.class),
                    type,
                    status,
                    convert(ctxt, body.get(PROCESSING_TIME_SECONDS), Double.class),
                    convert(ctxt, body.get(WORKER_ID), String.class),
                    instant(ctxt, body.get(COMPLETED_AT)),
                    convert(ctxt, body.get(MESSAGE), String.class),
                    data,
                    convert(ctxt, body.get(ERROR_MESSAGE), String.class),
                    extras,
                    omitted);
        }

        private static boolean present(JsonNode node) {
            return node != null && !node.isNull();
        }

        private static <T> T convert(DeserializationContext ctxt, JsonNode node, Class<T> type) throws IOException {
            return present(node) ? ctxt.readTreeAsValue(node, type) : null;
        }

        private static Instant instant(DeserializationContext ctxt, JsonNode node) throws IOException {
            if (!present(node)) {
                return null;
            }
            if (!node.isTextual()) {
                return ctxt.reportInputMismatch(Instant.class, "completed_at must be a string, got %s",
                        node.getNodeType());
            }
            try {
                return LenientInstant.parse(node.textValue());
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, node.textValue(),
                        "not an ISO-8601 date-time: %s", e.getMessage());
            }
        }
    }

    static final class Serializer extends StdSerializer<JobResults> {

        Serializer() {
            super(JobResults.class);
        }

        @Override
        public void serialize(JobResults results, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(results);
            write(results, SUCCESS, results.success(), gen, provider);
            write(results, JOB_ID, results.jobId(), gen, provider);
            write(results, TYPE, results.type(), gen, provider);
            write(results, STATUS, results.status(), gen, provider);
            write(results, PROCESSING_TIME_SECONDS, results.processingTimeSeconds(), gen, provider);
            write(results, WORKER_ID, results.workerId(), gen, provider);
            Instant completedAt = results.completedAt();
            write(results, COMPLETED_AT, completedAt == null ? null : LenientInstant.format(completedAt), gen, provider);
            write(results, MESSAGE, results.message(), gen, provider);
            write(results, DATA, results.data(), gen, provider);
            write(results, ERROR_MESSAGE, results.errorMessage(), gen, provider);
            for (Map.Entry<String, JsonNode> extra : results.extras().entrySet()) {
                if (!FIELDS.contains(extra.getKey())) {
                    provider.defaultSerializeField(extra.getKey(), extra.getValue(), gen);
                }
            }
            gen.writeEndObject();
        }

        private static void write(JobResults results, String name, Object value, JsonGenerator gen,
                SerializerProvider provider) throws IOException {
            JsonNode raw = results.extras().get(name);
            if (raw != null) {
                provider.defaultSerializeField(name, raw, gen);
            } else if (value != null || !results.omitted().contains(name)) {
                provider.defaultSerializeField(name, value, gen);
            }
        }
    }
}

package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The control plane's JSON: job specs in, views of jobs, requests and stats out (snake_case, times ISO 8601). */
final class ControlPlaneJson {

    /** A parsed {@code POST /simulator/jobs} body: {@code count} jobs from {@code spec}. */
    record CreateRequest(int count, JobSpec spec) {
    }

    static final int MAX_COUNT = 100_000;
    private static final Set<String> SPEC_FIELDS = Set.of("job_id", "type", "queue_seconds", "processing_seconds",
            "outcome", "payload_variant", "count");

    private final ObjectMapper mapper;

    ControlPlaneJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses a job spec; unknown fields are refused so typos do not silently become drawn values. */
    CreateRequest parseCreate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("Expected a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SPEC_FIELDS.contains(name)) {
                throw new IllegalArgumentException("Unknown field: " + name);
            }
        }
        int count = body.path("count").asInt(1);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT);
        }
        JobSpec spec = new JobSpec(text(body, "job_id"),
                text(body, "type") == null ? null : SimulatedJobType.fromWireName(text(body, "type")),
                seconds(body, "queue_seconds"), seconds(body, "processing_seconds"),
                text(body, "outcome") == null ? null : SimulatedOutcome.fromWireName(text(body, "outcome")),
                text(body, "payload_variant"));
        return new CreateRequest(count, spec);
    }

    /** A job as the control plane shows it, including its state at {@code now}. */
    ObjectNode job(SimulatedJob job, Instant now) {
        return mapper.createObjectNode()
                .put("job_id", job.jobId())
                .put("type", job.type().wireName())
                .put("payload_variant", job.payloadVariant())
                .put("worker_id", job.workerId())
                .put("queue_seconds", seconds(job.queueTime()))
                .put("processing_seconds", seconds(job.processingDuration()))
                .put("outcome", job.outcome().wireName())
                .put("created_at", job.createdAt().toString())
                .put("starts_at", job.startsAt().toString())
                .put("ends_at", job.endsAt().toString())
                .put("cancelled_at", job.cancelledAt() == null ? null : job.cancelledAt().toString())
                .put("state", job.stateAt(now).wireName())
                .put("final_state", job.finalState().wireName());
    }

    ObjectNode jobs(List<SimulatedJob> jobs, Instant now) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode array = body.putArray("jobs");
        jobs.forEach(job -> array.add(job(job, now)));
        return body;
    }

    ObjectNode requests(List<RequestRecord> records) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode array = body.putArray("requests");
        for (RequestRecord record : records) {
            array.addObject()
                    .put("time", record.time().toString())
                    .put("method", record.method())
                    .put("path", record.path())
                    .put("job_id", record.jobId())
                    .put("status", record.status())
                    .put("credentials_valid", record.credentialsValid());
        }
        return body;
    }

    ObjectNode stats(RequestStats stats, int jobCount, int pendingFaults) {
        ObjectNode body = mapper.createObjectNode()
                .put("total", stats.total())
                .put("rate_limited", stats.rateLimited())
                .put("jobs", jobCount)
                .put("pending_faults", pendingFaults);
        ObjectNode byStatus = body.putObject("by_status");
        stats.sortedByStatus().forEach((status, count) -> byStatus.put(Integer.toString(status), count));
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.asText();
    }

    private static Duration seconds(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.asDouble() < 0) {
            throw new IllegalArgumentException(field + " must be a number of seconds >= 0");
        }
        return Duration.ofMillis(Math.round(node.asDouble() * 1000));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

package ai.spideriq.tracker.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders the API's job bodies from the docs' examples, filled with a job's id, worker, times and state. */
final class JobResponseBodies {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private final ObjectMapper mapper;
    private final PayloadTemplates templates;
    /** Compendiums set by tests for one job: SpiderIQ returns compendiums of 1-10 MB through the same call. */
    private final java.util.Map<String, String> compendiums = new java.util.concurrent.ConcurrentHashMap<>();

    JobResponseBodies(ObjectMapper mapper) {
        this.mapper = mapper;
        this.templates = new PayloadTemplates(mapper);
    }

    /** {@code GET /results}: 202 queued/processing, 200 completed, 410 failed or cancelled. */
    SimulatedResponse results(SimulatedJob job, Instant now) {
        JobState state = job.stateAt(now);
        return switch (state) {
            case QUEUED, PROCESSING -> SimulatedResponse.of(202, write(pending(job, state)));
            case COMPLETED -> SimulatedResponse.of(200, write(ended(job, job.payloadVariant(), true)));
            case FAILED -> SimulatedResponse.of(410, write(ended(job, PayloadTemplates.FAILED, true)));
            case CANCELLED -> SimulatedResponse.of(410, write(ended(job, PayloadTemplates.CANCELLED, false)));
        };
    }

    /** {@code GET /status}: the docs' status body. */
    SimulatedResponse status(SimulatedJob job, Instant now) {
        JobState state = job.stateAt(now);
        ObjectNode body = mapper.createObjectNode()
                .put("success", true)
                .put("job_id", job.jobId())
                .put("type", job.type().wireName())
                .put("status", state.wireName())
                .put("created_at", zoned(job.createdAt()))
                .put("updated_at", zoned(job.updatedAt(now)))
                .put("worker_id", state == JobState.QUEUED || !job.wasStarted() ? null : job.workerId());
        return SimulatedResponse.of(200, write(body));
    }

    /** {@code DELETE}: the job is now cancelled. The docs show no body; this mirrors the status body's style. */
    SimulatedResponse cancelled(SimulatedJob job) {
        ObjectNode body = mapper.createObjectNode()
                .put("success", true)
                .put("job_id", job.jobId())
                .put("status", JobState.CANCELLED.wireName())
                .put("message", "Job cancelled");
        return SimulatedResponse.of(200, write(body));
    }

    private ObjectNode pending(SimulatedJob job, JobState state) {
        boolean newer = isNewerVariant(job);
        ObjectNode body = templates.copyOf(newer ? PayloadTemplates.PROCESSING_SHORT : PayloadTemplates.PROCESSING);
        body.put("job_id", job.jobId()).put("status", state.wireName());
        if (state == JobState.QUEUED) {
            body.put("message", "Job is queued. Please poll again in a few seconds.");
        }
        if (!newer) {
            body.put("type", job.type().wireName())
                    .put("worker_id", state == JobState.PROCESSING ? job.workerId() : null);
        }
        return body;
    }

    void setCompendium(String jobId, String markdown) {
        compendiums.put(jobId, markdown);
    }

    private ObjectNode ended(SimulatedJob job, String template, boolean reportProcessingTime) {
        ObjectNode body = templates.copyOf(template);
        String compendium = compendiums.get(job.jobId());
        if (compendium != null && body.get("data") instanceof ObjectNode data) {
            data.put("markdown_compendium", compendium);
        }
        body.put("job_id", job.jobId())
                .put("type", job.type().wireName())
                .put("worker_id", job.wasStarted() ? job.workerId() : null)
                .put("completed_at", isNewerVariant(job) ? unzoned(job.endsAt()) : zoned(job.endsAt()));
        if (reportProcessingTime) {
            body.put("processing_time_seconds", job.processingDuration().toMillis() / 1000.0);
        } else {
            body.putNull("processing_time_seconds");
        }
        return body;
    }

    private static boolean isNewerVariant(SimulatedJob job) {
        return job.payloadVariant().endsWith("newer-variant");
    }

    /** ISO-8601 UTC with {@code Z}, to the millisecond. */
    static String zoned(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Newer API versions send UTC without a zone, as Python's {@code isoformat()}: six fraction digits or none. */
    private static String unzoned(Instant time) {
        LocalDateTime local = LocalDateTime.ofInstant(time.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (local.getNano() == 0 ? SECONDS : MICROSECONDS).format(local);
    }

    String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}

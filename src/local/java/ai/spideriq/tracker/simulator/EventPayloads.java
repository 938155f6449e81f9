package ai.spideriq.tracker.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stream's data payloads as SpiderIQ's integration notes list them (snake_case): {@code connected}
 * {@code {client_id, message}}, {@code heartbeat} {@code {timestamp}}, {@code error} {@code {message}},
 * {@code job.queued} {@code {job_id, type, created_at}}, {@code job.started} {@code {job_id, worker_id, started_at}},
 * {@code job.completed} {@code {job_id, processing_time, results_count}}, {@code job.failed}
 * {@code {job_id, error_message}}. Values come from the job and the docs' example bodies.
 */
final class EventPayloads {

    // Not thread-safe (the counts cache): the simulator calls it under its lock.

    private final ObjectMapper mapper;
    private final PayloadTemplates templates;
    private final Map<String, Integer> resultsCounts = new HashMap<>();
    private final String errorMessage;

    EventPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
        this.templates = new PayloadTemplates(mapper);
        this.errorMessage = templates.copyOf(PayloadTemplates.FAILED).path("error_message").asText();
    }

    SimulatedEvent connected(String clientId) {
        return event(SimulatedEvent.CONNECTED, mapper.createObjectNode().put("client_id", clientId)
                .put("message", "Connected to event stream"));
    }

    SimulatedEvent heartbeat(Instant now) {
        return event(SimulatedEvent.HEARTBEAT, mapper.createObjectNode().put("timestamp", JobResponseBodies.zoned(now)));
    }

    SimulatedEvent error(String message) {
        return event(SimulatedEvent.ERROR, mapper.createObjectNode().put("message", message));
    }

    /** {@code event} rendered from {@code job} as it is at delivery. */
    SimulatedEvent job(JobEvent event, SimulatedJob job) {
        ObjectNode data = mapper.createObjectNode().put("job_id", job.jobId());
        switch (event.name()) {
            case SimulatedEvent.QUEUED -> data.put("type", job.type().wireName())
                    .put("created_at", JobResponseBodies.zoned(job.createdAt()));
            case SimulatedEvent.STARTED -> data.put("worker_id", job.workerId())
                    .put("started_at", JobResponseBodies.zoned(job.startsAt()));
            case SimulatedEvent.COMPLETED -> data.put("processing_time", job.processingDuration().toMillis() / 1000.0)
                    .put("results_count", resultsCount(job));
            default -> data.put("error_message", errorMessage);
        }
        return event(event.name(), data);
    }

    /** A spiderMaps result counts its businesses; a spiderSite result is the one site. */
    private int resultsCount(SimulatedJob job) {
        return resultsCounts.computeIfAbsent(job.payloadVariant(), variant -> {
            JsonNode businesses = templates.copyOf(variant).path("data").path("businesses");
            return businesses.isArray() ? businesses.size() : 1;
        });
    }

    private SimulatedEvent event(String name, ObjectNode data) {
        try {
            return new SimulatedEvent(name, mapper.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}

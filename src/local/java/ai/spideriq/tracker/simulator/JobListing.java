package ai.spideriq.tracker.simulator;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders {@code GET /api/v1/jobs/list}: every job the account has (tracked or not), each as it is at the listing's
 * time, filtered, sorted (ties by job id, so pages never overlap) and paged; or the failure the list mode asks for.
 * Timestamps are ISO-8601 UTC with {@code Z}; the real API also sends zone-less ones, which clients must accept.
 */
final class JobListing {

    private final ObjectMapper mapper;

    JobListing(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The answer to {@code query} over {@code jobs} at {@code now}, in {@code mode}. */
    SimulatedResponse answer(Collection<SimulatedJob> jobs, Map<String, String> query, Instant now, JobListMode mode) {
        return switch (mode.kind()) {
            case MISSING -> SimulatedResponse.detail(404, "Not Found");
            case STATUS -> SimulatedResponse.detail(mode.status(), ApiGateway.detailFor(mode.status()));
            case GARBAGE -> SimulatedResponse.of(200, "{\"total\": 3, \"page\": 1, \"jobs\": [{\"job_");
            default -> validated(jobs, query, now, mode);
        };
    }

    private SimulatedResponse validated(Collection<SimulatedJob> jobs, Map<String, String> query, Instant now,
            JobListMode mode) {
        JobListQuery parsed;
        try {
            parsed = JobListQuery.parse(query);
        } catch (JobListQuery.InvalidParameter e) {
            return unprocessable(e);
        }
        List<SimulatedJob> matching = mode.kind() == JobListMode.Kind.EMPTY ? List.of() : select(jobs, parsed, now);
        int from = (int) Math.min((long) (parsed.page() - 1) * parsed.pageSize(), matching.size());
        List<SimulatedJob> page = matching.subList(from, Math.min(from + parsed.pageSize(), matching.size()));
        if (mode.kind() == JobListMode.Kind.WRONG_SHAPE) {
            ObjectNode body = mapper.createObjectNode().put("count", matching.size());
            ArrayNode items = body.putArray("items");
            page.forEach(job -> items.addObject().put("id", job.jobId()).put("state", job.stateAt(now).wireName()));
            return SimulatedResponse.of(200, write(body));
        }
        ObjectNode body = mapper.createObjectNode()
                .put("total", matching.size())
                .put("page", parsed.page())
                .put("page_size", parsed.pageSize())
                .put("total_pages", (matching.size() + parsed.pageSize() - 1) / parsed.pageSize());
        ArrayNode array = body.putArray("jobs");
        page.forEach(job -> array.add(entry(job, now)));
        return SimulatedResponse.of(200, write(body));
    }

    private static List<SimulatedJob> select(Collection<SimulatedJob> jobs, JobListQuery query, Instant now) {
        Comparator<SimulatedJob> order = query.sortBy().comparator(now);
        if (query.descending()) {
            order = order.reversed();
        }
        return jobs.stream()
                .filter(job -> query.status().map(state -> job.stateAt(now) == state).orElse(true))
                .filter(job -> query.type().map(type -> job.type() == type).orElse(true))
                .sorted(order.thenComparing(SimulatedJob::jobId))
                .toList();
    }

    private ObjectNode entry(SimulatedJob job, Instant now) {
        JobState state = job.stateAt(now);
        return mapper.createObjectNode()
                .put("job_id", job.jobId())
                .put("type", job.type().wireName())
                .put("status", state.wireName())
                .put("url", urlOf(job))
                .put("created_at", JobResponseBodies.zoned(job.createdAt()))
                .put("updated_at", JobResponseBodies.zoned(job.updatedAt(now)))
                .put("worker_id", state == JobState.QUEUED || !job.wasStarted() ? null : job.workerId());
    }

    /** The simulator keeps no submitted URL, so each job gets a stable made-up one of its type's kind. */
    static String urlOf(SimulatedJob job) {
        String tag = job.jobId().substring(0, 8);
        return job.type() == SimulatedJobType.SPIDER_MAPS
                ? "https://www.google.com/maps/search/coffee+shop+" + tag
                : "https://site-" + tag + ".example.com";
    }

    /** FastAPI's validation error: {@code {"detail":[{"loc":["query",name],"msg":...,"type":...}]}}. */
    private SimulatedResponse unprocessable(JobListQuery.InvalidParameter e) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putArray("detail").addObject();
        error.putArray("loc").add("query").add(e.parameter);
        error.put("msg", e.getMessage()).put("type", "value_error");
        return SimulatedResponse.of(422, write(body));
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}

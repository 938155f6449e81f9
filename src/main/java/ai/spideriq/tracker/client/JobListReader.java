package ai.spideriq.tracker.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one answer of {@code GET /api/v1/jobs/list} means. The list is an accelerator: none of its answers judges the
 * token or pauses anything but a 429 (the account's limit, via {@link RateLimitFeedback}). Independent of the HTTP
 * client, so the benchmark runs this very code against the simulator.
 */
public final class JobListReader {

    static final String ENDPOINT = "list";

    private final ObjectMapper mapper;
    private final RateLimitFeedback feedback;

    public JobListReader(ObjectMapper mapper, RateLimitFeedback feedback) {
        this.mapper = mapper;
        this.feedback = feedback;
    }

    public JobListAnswer read(int status, Function<String, String> header, Supplier<String> body) {
        if (feedback.observe(ENDPOINT, status, header)) {
            return JobListAnswer.Failed.RATE_LIMITED;
        }
        if (status >= 500) {
            return new JobListAnswer.Failed("http " + status);
        }
        if (status != 200) {
            return new JobListAnswer.Unavailable("http " + status);
        }
        return page(body.get());
    }

    /** The documented shape, or Unavailable: a list that does not parse cannot be trusted to be complete. */
    private JobListAnswer page(String body) {
        try {
            JsonNode json = mapper.readTree(body);
            JsonNode jobs = json == null ? null : json.get("jobs");
            if (jobs == null || !jobs.isArray() || !json.path("page").canConvertToInt()) {
                return new JobListAnswer.Unavailable("not the documented list");
            }
            List<JobListAnswer.ListedJob> listed = new ArrayList<>(jobs.size());
            for (JsonNode job : jobs) {
                listed.add(new JobListAnswer.ListedJob(UUID.fromString(job.path("job_id").asText()),
                        job.path("status").asText(), updatedAt(job)));
            }
            return new JobListAnswer.Page(json.path("page").asInt(), json.path("total_pages").asInt(0), listed);
        } catch (Exception e) { // not JSON, a job_id that is no UUID, a timestamp that is no time
            return new JobListAnswer.Unavailable("unreadable list");
        }
    }

    /** {@code updated_at}, the last status change; lists without it are sorted by it all the same, so fall back. */
    private static Instant updatedAt(JsonNode job) {
        String text = job.path("updated_at").asText(null);
        if (text == null || text.isBlank()) {
            text = job.path("created_at").asText();
        }
        return LenientInstant.parse(text);
    }
}

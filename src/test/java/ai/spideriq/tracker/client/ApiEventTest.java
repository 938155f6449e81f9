package ai.spideriq.tracker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ApiEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JOB = "550e8400-e29b-41d4-a716-446655440000";

    @Test
    void readsTheEventNameFromTheSseFieldOrElseFromTheData() {
        assertThat(parse("job.completed", "{\"job_id\":\"" + JOB + "\"}"))
                .contains(new ApiEvent(ApiEvent.Kind.COMPLETED, UUID.fromString(JOB)));
        assertThat(parse(null, "{\"event\":\"job.started\",\"job_id\":\"" + JOB + "\",\"extra\":1}"))
                .contains(new ApiEvent(ApiEvent.Kind.STARTED, UUID.fromString(JOB)));
    }

    @Test
    void ignoresHeartbeatsUndocumentedEventsAndGarbage() {
        assertThat(parse(null, "")).isEmpty();
        assertThat(parse("job.progress", "{\"job_id\":\"" + JOB + "\"}")).isEmpty();
        assertThat(parse("job.failed", "{\"job_id\":\"not-a-uuid\"}")).isEmpty();
        assertThat(parse("job.failed", "{not json")).isEmpty();
        assertThat(parse("job.failed", "{}")).isEmpty();
    }

    private static Optional<ApiEvent> parse(String name, String data) {
        return ApiEvent.parse(name, data, MAPPER);
    }
}

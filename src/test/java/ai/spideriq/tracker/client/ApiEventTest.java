package ai.spideriq.tracker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.client.ApiEvent.Kind;

class ApiEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JOB = "550e8400-e29b-41d4-a716-446655440000";

    @Test
    void readsTheEventNameFromTheSseFieldOrElseFromTheData() {
        assertThat(parse("job.completed", "{\"job_id\":\"" + JOB + "\",\"processing_time\":12.5}"))
                .isEqualTo(new ApiEvent(Kind.COMPLETED, UUID.fromString(JOB)));
        assertThat(parse(null, "{\"event\":\"job.started\",\"job_id\":\"" + JOB + "\",\"worker_id\":\"w-1\"}"))
                .isEqualTo(new ApiEvent(Kind.STARTED, UUID.fromString(JOB)));
    }

    @Test
    void readsTheConnectionFramesThatProveTheStreamAlive() {
        assertThat(parse("connected", "{\"client_id\":\"c\",\"message\":\"hi\"}").kind()).isEqualTo(Kind.CONNECTED);
        assertThat(parse("heartbeat", "{\"timestamp\":\"2026-01-18T12:31:37\"}").kind()).isEqualTo(Kind.HEARTBEAT);
        assertThat(parse("error", "{\"message\":\"Internal error\"}"))
                .isEqualTo(new ApiEvent(Kind.ERROR, null, "Internal error"));
    }

    @Test
    void readsOtherFamiliesAndGarbageAsOtherNeverAsAnError() {
        assertThat(parse(null, "").kind()).isEqualTo(Kind.OTHER);
        assertThat(parse("campaign.updated", "{\"job_id\":\"" + JOB + "\"}").kind()).isEqualTo(Kind.OTHER);
        assertThat(parse("job.failed", "{\"job_id\":\"not-a-uuid\"}").kind()).isEqualTo(Kind.OTHER);
        assertThat(parse("job.failed", "{not json").kind()).isEqualTo(Kind.OTHER);
        assertThat(parse("job.failed", "{}").kind()).isEqualTo(Kind.OTHER);
        assertThat(parse("job.failed", "[1,2]").kind()).isEqualTo(Kind.OTHER);
    }

    private static ApiEvent parse(String name, String data) {
        return ApiEvent.parse(name, data, MAPPER);
    }
}

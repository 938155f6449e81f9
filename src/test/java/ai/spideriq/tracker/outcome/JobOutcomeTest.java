package ai.spideriq.tracker.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.client.JobResults;
import ai.spideriq.tracker.testing.DocsExamples;
import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.FailureReason;
import ai.spideriq.tracker.tracking.TrackedJob;

/** What of a results body reaches the outcome: {@code data} as SpiderIQ sent it, on completed only. */
class JobOutcomeTest {

    private static final ObjectMapper MAPPER = DocsExamples.QUARKUS_MAPPER;
    private static final Instant NOW = Instant.parse("2026-01-18T12:31:40Z");

    @Test
    void relaysTheDataOfATypeNewerThanTheTrackerUnderTheSubmittersType() throws Exception {
        String data = "{\"frames\":12,\"nested\":{\"b\":[1,null],\"a\":2.50}}";
        JobOutcome outcome = outcome("spiderVideo", "{\"type\": \"spiderVideo\", \"status\": \"completed\", "
                + "\"data\": " + data + "}");

        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(outcome));

        assertThat(written.get("type").textValue()).isEqualTo("spiderVideo");
        assertThat(written.get("status").textValue()).isEqualTo("completed");
        assertThat(written.get("data").toString()).isEqualTo("{\"frames\":12,\"nested\":{\"b\":[1,null],\"a\":2.5}}");
    }

    @Test
    void leavesDataOutOfFailedAndCancelledOutcomes() throws Exception {
        String data = "\"data\": {\"url\": \"https://example.com\"}";
        JobOutcome failed = outcome(null, "{\"type\": \"spiderSite\", \"status\": \"failed\", " + data + "}");
        JobOutcome cancelled = outcome(null, "{\"type\": \"spiderSite\", \"status\": \"cancelled\", " + data + "}");

        assertThat(failed.data()).isNull();
        assertThat(failed.reason()).isEqualTo(FailureReason.JOB_FAILED);
        assertThat(failed.type()).isEqualTo("spiderSite");
        assertThat(cancelled.data()).isNull();
        assertThat(MAPPER.readTree(MAPPER.writeValueAsBytes(cancelled)).get("data").isNull()).isTrue();
    }

    @Test
    void encodingTheSameOutcomeTwiceGivesTheSameBytesAndLeavesItsDataAlone() throws Exception {
        JobOutcome outcome = outcome(null, "{\"type\": \"spiderSite\", \"status\": \"completed\", \"data\": "
                + "{\"url\": \"https://example.com\", \"markdown_compendium\": \"" + "#".repeat(4000) + "\"}}");
        OutcomeEncoder encoder = new OutcomeEncoder(MAPPER, "none", 2000, 16777216, "https://spideriq.ai");
        String before = outcome.data().toString();

        OutcomeEncoder.Encoded first = encoder.encode(outcome, 100);
        OutcomeEncoder.Encoded second = encoder.encode(outcome, 100);

        assertThat(first.omitted()).containsExactly("data.markdown_compendium");
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(outcome.data().toString()).isEqualTo(before);
        assertThat(encoder.withoutData(outcome, first.wholeBytes()).omitted()).containsExactly("data");
        assertThat(outcome.data().toString()).isEqualTo(before);
    }

    private static JobOutcome outcome(String submittedType, String body) throws Exception {
        TrackedJob job = TrackedJob.submitted(UUID.randomUUID(), submittedType, 0, 0, NOW.minusSeconds(60),
                NOW.plus(Duration.ofHours(6)), Map.of());
        return JobOutcome.of(job, Ending.reported(JobResults.read(MAPPER, body)), NOW);
    }
}

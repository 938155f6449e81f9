package ai.spideriq.tracker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.testing.DocsExamples;

/** The envelope the tracker reads from a results body, and {@code data} kept as SpiderIQ sent it. */
class JobResultsTest {

    private static final ObjectMapper MAPPER = DocsExamples.QUARKUS_MAPPER;

    @ParameterizedTest
    @ValueSource(strings = { "site-minimal", "site-with-ai", "site-full-champ", "site-newer-variant", "maps",
            "maps-newer-variant", "failed-410", "cancelled-410", "processing-202", "processing-202-short",
            "not-found-404" })
    void keepsTheDataOfEveryDocsExampleAsSentMembersInTheirOrder(String example) throws Exception {
        String body = DocsExamples.text(example);
        JsonNode sent = MAPPER.readTree(body).get("data");

        JsonNode data = read(body).data();

        if (sent == null || sent.isNull()) {
            assertThat(data).isNull();
        } else {
            assertThat(data).isEqualTo(sent);
            assertThat(MAPPER.writeValueAsString(data)).isEqualTo(MAPPER.writeValueAsString(sent));
        }
    }

    @Test
    void readsTheEnvelopeOfACompletedSiteJob() throws Exception {
        JobResults results = read(DocsExamples.text("site-minimal"));

        assertThat(results.type()).isEqualTo(JobType.SPIDER_SITE);
        assertThat(results.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(results.processingTimeSeconds()).isEqualTo(12.4);
        assertThat(results.workerId()).isEqualTo("spider-site-main-1");
        assertThat(results.completedAt()).isEqualTo(Instant.parse("2025-10-27T14:30:15Z"));
        assertThat(results.errorMessage()).isNull();
        assertThat(results.data().get("url").textValue()).isEqualTo("https://example.com");
    }

    @Test
    void readsTheEnvelopeOfAFailedAndOfACancelledJob() throws Exception {
        JobResults failed = read(DocsExamples.text("failed-410"));
        JobResults cancelled = read(DocsExamples.text("cancelled-410"));

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("Failed to connect to target URL: Connection timeout after 30s");
        assertThat(failed.processingTimeSeconds()).isEqualTo(5.2);
        assertThat(failed.completedAt()).isEqualTo(Instant.parse("2025-10-27T14:50:00Z"));
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.type()).isEqualTo(JobType.SPIDER_SITE);
        assertThat(JobStatus.values()).filteredOn(JobStatus::isTerminal)
                .containsExactlyInAnyOrder(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);
    }

    @Test
    void readsTheShort202BodyOfNewerVersions() throws Exception {
        JobResults results = read(DocsExamples.text("processing-202-short"));

        assertThat(results.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(results.type()).isNull();
        assertThat(results.completedAt()).isNull();
        assertThat(results.data()).isNull();
    }

    @Test
    void takesZonelessAndOffsetTimestampsAsInstants() throws Exception {
        assertThat(read(DocsExamples.text("site-newer-variant")).completedAt())
                .isEqualTo(Instant.parse("2026-01-18T12:31:37.073080Z"));
        assertThat(read(DocsExamples.text("maps-newer-variant")).completedAt())
                .isEqualTo(Instant.parse("2026-01-18T12:45:10.500Z"));
        assertThat(read("{\"completed_at\": \"2025-10-27T16:30:15+02:00\"}").completedAt())
                .isEqualTo(Instant.parse("2025-10-27T14:30:15Z"));
    }

    @Test
    void keepsTheDataOfATypeThisTrackerDoesNotKnow() throws Exception {
        String body = """
                {"success": true, "job_id": "j1", "type": "spiderVideo", "status": "completed",
                 "data": {"frames": 12, "nested": {"a": [1, null]}}}""";

        JobResults results = read(body);

        assertThat(results.type()).isNull();
        assertThat(results.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(results.data()).isEqualTo(MAPPER.readTree(body).get("data"));
        assertThat(read("{\"type\": 42, \"status\": \"completed\"}").type()).isNull();
    }

    @Test
    void keepsNumbersAndOddShapesOfDataAsSent() throws Exception {
        String data = "{\"rating\":5,\"reviews_count\":\"823\",\"phones\":[{\"raw\":\"+1\"},\"+2\"],"
                + "\"pain_points\":{\"items\":[\"a\"]},\"big\":123456789012345678901234567890,\"extras\":{\"q\":1}}";

        JobResults results = read("{\"type\": \"spiderMaps\", \"status\": \"completed\", \"data\": " + data + "}");

        assertThat(MAPPER.writeValueAsString(results.data())).isEqualTo(data);
    }

    @Test
    void takesAnUnknownStatusForUnknownWhichIsNotTerminal() throws Exception {
        assertThat(read("{\"status\": \"paused\"}").status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(read("{\"status\": 3}").status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(read("{\"status\": null}").status()).isNull();
        assertThat(JobStatus.UNKNOWN.isTerminal()).isFalse();
    }

    @Test
    void coercesEnvelopeScalarsAsTheMapperDoes() throws Exception {
        JobResults results = read("{\"processing_time_seconds\": \"12.5\", \"worker_id\": 7}");

        assertThat(results.processingTimeSeconds()).isEqualTo(12.5);
        assertThat(results.workerId()).isEqualTo("7");
    }

    @Test
    void refusesBodiesThatAreNoObjectOrWhoseEnvelopeIsWrong() {
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("<html>oops</html>")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"completed_at\": \"yesterday\"}")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> read("{\"completed_at\": 1761575415}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"processing_time_seconds\": true}")).isInstanceOf(IOException.class);
    }

    @Test
    void looksJobTypesUpByWireName() {
        assertThat(JobType.fromWire("spiderSite")).contains(JobType.SPIDER_SITE);
        assertThat(JobType.fromWire("spiderMaps")).contains(JobType.SPIDER_MAPS);
        assertThat(JobType.fromWire("spiderVideo")).isEmpty();
        assertThat(JobType.fromWire(null)).isEmpty();
        assertThat(JobType.SPIDER_MAPS.wireName()).isEqualTo("spiderMaps");
    }

    private static JobResults read(String body) throws IOException {
        return JobResults.read(MAPPER, body);
    }

}

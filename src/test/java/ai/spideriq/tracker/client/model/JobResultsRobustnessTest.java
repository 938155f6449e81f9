package ai.spideriq.tracker.client.model;

import static ai.spideriq.tracker.client.model.Fixtures.MAPPER;
import static ai.spideriq.tracker.client.model.Fixtures.json;
import static ai.spideriq.tracker.client.model.Fixtures.rewritten;
import static ai.spideriq.tracker.client.model.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

class JobResultsRobustnessTest {

    private static final String UNKNOWN_TYPE_BODY = """
            {"success": true, "job_id": "j1", "type": "spiderVideo", "status": "completed",
             "data": {"frames": 12, "nested": {"a": [1, null]}}}""";

    @Test
    void keepsDataOfUnknownTypeAsRawJson() throws Exception {
        JobResults results = MAPPER.readValue(UNKNOWN_TYPE_BODY, JobResults.class);

        assertThat(results.type()).isNull();
        assertThat(results.extras().get("type").textValue()).isEqualTo("spiderVideo");
        assertThat(results.data()).isInstanceOf(UnknownJobData.class);
        assertThat(((UnknownJobData) results.data()).json().get("frames").intValue()).isEqualTo(12);
        assertThat(results.dataAs(SpiderSiteData.class)).isEmpty();
        assertThat(rewritten(results)).isEqualTo(MAPPER.readTree(UNKNOWN_TYPE_BODY));
    }

    @Test
    void keepsDataAsRawJsonWhenTypeIsAbsent() throws Exception {
        String body = "{\"status\": \"completed\", \"data\": {\"url\": \"https://example.com\"}}";
        JobResults results = MAPPER.readValue(body, JobResults.class);

        assertThat(results.data()).isInstanceOf(UnknownJobData.class);
        assertThat(rewritten(results)).isEqualTo(MAPPER.readTree(body));
    }

    @Test
    void mapsUnknownStatusToUnknownAndWritesTheOriginalValueBack() throws Exception {
        String body = "{\"job_id\": \"j1\", \"type\": \"spiderSite\", \"status\": \"paused\", \"data\": null}";
        JobResults results = MAPPER.readValue(body, JobResults.class);

        assertThat(results.status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(results.status().isTerminal()).isFalse();
        assertThat(rewritten(results)).isEqualTo(MAPPER.readTree(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-newer-variant.json", "maps-newer-variant.json", "not-found-404.json",
            "processing-202-short.json", "site-full-champ.json"})
    void needsNoLenientMapperToKeepUnknownProperties(String fixture) throws Exception {
        ObjectMapper strict = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        JobResults results = strict.readValue(json(fixture), JobResults.class);

        JsonNode rewritten = strict.readTree(strict.writeValueAsString(results));
        JsonNode expected = tree(fixture);
        assertThat(rewritten.get("data")).isEqualTo(expected.get("data"));
        assertThat(rewritten.get("api_version")).isEqualTo(expected.get("api_version"));
        assertThat(rewritten.get("detail")).isEqualTo(expected.get("detail"));
    }

    @Test
    void writesTypedDataWithoutWrapperOrTypeProperty() {
        JsonNode data = rewritten(Fixtures.results("maps.json")).get("data");

        assertThat(data.has("type")).isFalse();
        assertThat(data.has("@type")).isFalse();
        assertThat(data.get("query").textValue()).isEqualTo("italian restaurants in Boston");
    }

    @Test
    void writesResultsBuiltInCodeWithEveryKnownField() {
        JobResults results = new JobResults(true, "j1", JobType.SPIDER_MAPS, JobStatus.COMPLETED, 1.5, null,
                Instant.parse("2025-10-27T14:45:10Z"), null, null, null, null, null);

        JsonNode written = rewritten(results);

        assertThat(written.size()).isEqualTo(10);
        assertThat(written.get("type").textValue()).isEqualTo("spiderMaps");
        assertThat(written.get("status").textValue()).isEqualTo("completed");
        assertThat(written.get("completed_at").textValue()).isEqualTo("2025-10-27T14:45:10Z");
        assertThat(written.get("worker_id").isNull()).isTrue();
    }

    @Test
    void writesValueSetInCodeEvenForAFieldTheBodyOmitted() {
        JobResults results = new JobResults(null, null, null, JobStatus.QUEUED, null, null, null, null, null,
                null, Map.of(), Set.of("status", "job_id"));

        JsonNode written = rewritten(results);

        assertThat(written.get("status").textValue()).isEqualTo("queued");
        assertThat(written.has("job_id")).isFalse();
    }

    @Test
    void acceptsOffsetTimestampsAsInstants() throws Exception {
        JobResults results = MAPPER.readValue("{\"completed_at\": \"2025-10-27T16:30:15+02:00\"}", JobResults.class);

        assertThat(results.completedAt()).isEqualTo(Instant.parse("2025-10-27T14:30:15Z"));
        assertThat(rewritten(results).get("completed_at").textValue()).isEqualTo("2025-10-27T14:30:15Z");
    }

    @Test
    void rejectsTimestampThatIsNotIso8601() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"completed_at\": \"yesterday\"}", JobResults.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("yesterday");
    }

    @Test
    void rejectsBodyThatIsNotAnObject() {
        assertThatThrownBy(() -> MAPPER.readValue("[1, 2]", JobResults.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}

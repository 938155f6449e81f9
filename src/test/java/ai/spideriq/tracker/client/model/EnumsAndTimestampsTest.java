package ai.spideriq.tracker.client.model;

import static ai.spideriq.tracker.client.model.Fixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class EnumsAndTimestampsTest {

    record Stamped(
            @JsonDeserialize(using = LenientInstant.Deserializer.class)
            @JsonSerialize(using = LenientInstant.Serializer.class)
            Instant createdAt) {
    }

    @Test
    void looksJobTypesUpByWireNameWithoutThrowingForUnknownOnes() {
        assertThat(JobType.fromWire("spiderSite")).contains(JobType.SPIDER_SITE);
        assertThat(JobType.fromWire("spiderMaps")).contains(JobType.SPIDER_MAPS);
        assertThat(JobType.fromWire("spiderVideo")).isEmpty();
        assertThat(JobType.fromWire(null)).isEmpty();
        assertThat(JobType.SPIDER_SITE.dataType()).isEqualTo(SpiderSiteData.class);
    }

    @Test
    void readsAndWritesJobTypesByWireName() throws Exception {
        assertThat(MAPPER.readValue("\"spiderMaps\"", JobType.class)).isEqualTo(JobType.SPIDER_MAPS);
        assertThat(MAPPER.readValue("\"spiderVideo\"", JobType.class)).isNull();
        assertThat(MAPPER.writeValueAsString(JobType.SPIDER_SITE)).isEqualTo("\"spiderSite\"");
    }

    @Test
    void readsUnknownStatusAsUnknownWithoutSpecialMapperFeatures() throws Exception {
        ObjectMapper plain = new ObjectMapper();

        assertThat(plain.readValue("\"paused\"", JobStatus.class)).isEqualTo(JobStatus.UNKNOWN);
        assertThat(plain.readValue("\"cancelled\"", JobStatus.class)).isEqualTo(JobStatus.CANCELLED);
        assertThat(plain.writeValueAsString(JobStatus.QUEUED)).isEqualTo("\"queued\"");
    }

    @Test
    void treatsOnlyCompletedFailedAndCancelledAsTerminal() {
        assertThat(JobStatus.values()).filteredOn(JobStatus::isTerminal)
                .containsExactlyInAnyOrder(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);
    }

    @Test
    void readsZonelessOffsetAndUtcTimestampsWithTheStandaloneDeserializer() throws Exception {
        ObjectMapper plain = new ObjectMapper();

        assertThat(plain.readValue("{\"createdAt\":\"2026-01-18T12:31:37.073080\"}", Stamped.class).createdAt())
                .isEqualTo(Instant.parse("2026-01-18T12:31:37.073080Z"));
        assertThat(plain.readValue("{\"createdAt\":\"2026-01-18T14:31:37+02:00\"}", Stamped.class).createdAt())
                .isEqualTo(Instant.parse("2026-01-18T12:31:37Z"));
        assertThat(plain.readValue("{\"createdAt\":\"2025-10-27T10:00:00Z\"}", Stamped.class).createdAt())
                .isEqualTo(Instant.parse("2025-10-27T10:00:00Z"));
        assertThat(plain.readValue("{\"createdAt\":null}", Stamped.class).createdAt()).isNull();
    }

    @Test
    void writesIsoInstantsRegardlessOfMapperDateSettings() throws Exception {
        ObjectMapper plain = new ObjectMapper();

        assertThat(plain.writeValueAsString(new Stamped(Instant.parse("2026-01-18T12:31:37.073080Z"))))
                .isEqualTo("{\"createdAt\":\"2026-01-18T12:31:37.073080Z\"}");
        assertThat(LenientInstant.format(Instant.parse("2025-10-27T14:30:15Z"))).isEqualTo("2025-10-27T14:30:15Z");
    }
}

package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static ai.spideriq.tracker.simulator.SimulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/v1/jobs/list} on the core: paging, sorting, filters, validation, the gateway's checks. */
class SimulatorJobListTest {

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void listsEveryJobNewestFirstWithTheDocumentedFields() {
        SimulatedJob first = create(SimulatedJobType.SPIDER_SITE, 5, 10, SimulatedOutcome.COMPLETED);
        fixture.clock.advance(Duration.ofSeconds(1));
        SimulatedJob second = create(SimulatedJobType.SPIDER_MAPS, 5, 10, SimulatedOutcome.COMPLETED);

        SimulatedResponse response = simulator.listJobs(AUTH, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("X-RateLimit-Remaining", "99");
        JsonNode body = json(response);
        assertThat(body.path("total").asInt()).isEqualTo(2);
        assertThat(body.path("page").asInt()).isEqualTo(1);
        assertThat(body.path("page_size").asInt()).isEqualTo(50);
        assertThat(body.path("total_pages").asInt()).isEqualTo(1);
        assertThat(ids(body)).containsExactly(second.jobId(), first.jobId());
        JsonNode entry = body.path("jobs").get(1);
        assertThat(fieldNames(entry)).containsExactly("job_id", "type", "status", "url", "created_at", "updated_at",
                "worker_id");
        assertThat(entry.path("type").asText()).isEqualTo("spiderSite");
        assertThat(entry.path("status").asText()).isEqualTo("queued");
        assertThat(entry.path("url").asText()).startsWith("https://");
        assertThat(entry.path("created_at").asText()).isEqualTo("2025-10-27T14:00:00Z");
        assertThat(entry.path("updated_at").asText()).isEqualTo("2025-10-27T14:00:00Z");
        assertThat(entry.path("worker_id").isNull()).isTrue();
        assertThat(simulator.requests()).extracting(RequestRecord::path).containsExactly("/api/v1/jobs/list");
    }

    @Test
    void showsEachJobAsItIsNowAsTimeGoesOn() {
        SimulatedJob job = create(SimulatedJobType.SPIDER_SITE, 2, 10, SimulatedOutcome.FAILED);

        fixture.clock.advance(Duration.ofSeconds(3));
        JsonNode processing = json(simulator.listJobs(AUTH, Map.of())).path("jobs").get(0);
        fixture.clock.advance(Duration.ofSeconds(10));
        JsonNode failed = json(simulator.listJobs(AUTH, Map.of())).path("jobs").get(0);

        assertThat(processing.path("status").asText()).isEqualTo("processing");
        assertThat(processing.path("updated_at").asText()).isEqualTo("2025-10-27T14:00:02Z");
        assertThat(processing.path("worker_id").asText()).isEqualTo(job.workerId());
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("updated_at").asText()).isEqualTo("2025-10-27T14:00:12Z");
    }

    @Test
    void aCancellationShowsAsCancelledFromItsTime() {
        SimulatedJob job = create(SimulatedJobType.SPIDER_SITE, 10, 10, SimulatedOutcome.COMPLETED);
        fixture.clock.advance(Duration.ofSeconds(4));
        simulator.cancel(AUTH, job.jobId());

        JsonNode entry = json(simulator.listJobs(AUTH, Map.of("status_filter", "cancelled"))).path("jobs").get(0);

        assertThat(entry.path("status").asText()).isEqualTo("cancelled");
        assertThat(entry.path("updated_at").asText()).isEqualTo("2025-10-27T14:00:04Z");
        assertThat(entry.path("worker_id").isNull()).isTrue();
    }

    @Test
    void pagesAreStableWithTiesOrderedByJobIdAndAPagePastTheEndIsEmpty() {
        List<String> created = new ArrayList<>(simulator.createMany(7, JobSpec.drawn()).stream()
                .map(SimulatedJob::jobId).toList());
        created.sort(null);

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode body = json(simulator.listJobs(AUTH, Map.of("page", "" + page, "page_size", "3",
                    "sort_order", "asc")));
            assertThat(body.path("total_pages").asInt()).isEqualTo(3);
            seen.addAll(ids(body));
        }
        JsonNode past = json(simulator.listJobs(AUTH, Map.of("page", "4", "page_size", "3")));

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(past.path("total").asInt()).isEqualTo(7);
        assertThat(past.path("jobs").isArray()).isTrue();
        assertThat(past.path("jobs")).isEmpty();
    }

    @Test
    void sortsByUpdatedAtAndByStatus() {
        SimulatedJob late = create(SimulatedJobType.SPIDER_SITE, 0, 30, SimulatedOutcome.COMPLETED);
        SimulatedJob early = create(SimulatedJobType.SPIDER_SITE, 0, 5, SimulatedOutcome.COMPLETED);
        SimulatedJob queued = create(SimulatedJobType.SPIDER_SITE, 60, 5, SimulatedOutcome.COMPLETED);
        fixture.clock.advance(Duration.ofSeconds(10));

        JsonNode byUpdate = json(simulator.listJobs(AUTH, Map.of("sort_by", "updated_at", "sort_order", "desc")));
        JsonNode byStatus = json(simulator.listJobs(AUTH, Map.of("sort_by", "status", "sort_order", "asc")));

        assertThat(ids(byUpdate).get(0)).isEqualTo(early.jobId());
        assertThat(ids(byUpdate).subList(1, 3)).containsExactlyInAnyOrder(late.jobId(), queued.jobId());
        assertThat(ids(byStatus)).containsExactly(early.jobId(), late.jobId(), queued.jobId());
    }

    @Test
    void filtersByStatusAndTypeAndTreatsEmptyFiltersAsAbsent() {
        create(SimulatedJobType.SPIDER_SITE, 0, 5, SimulatedOutcome.COMPLETED);
        SimulatedJob maps = create(SimulatedJobType.SPIDER_MAPS, 0, 5, SimulatedOutcome.COMPLETED);
        create(SimulatedJobType.SPIDER_MAPS, 60, 5, SimulatedOutcome.COMPLETED);
        fixture.clock.advance(Duration.ofSeconds(10));

        JsonNode filtered = json(simulator.listJobs(AUTH, Map.of("status_filter", "completed",
                "type_filter", "spiderMaps")));
        JsonNode unfiltered = json(simulator.listJobs(AUTH, Map.of("status_filter", "", "type_filter", "")));

        assertThat(ids(filtered)).containsExactly(maps.jobId());
        assertThat(filtered.path("total").asInt()).isEqualTo(1);
        assertThat(unfiltered.path("total").asInt()).isEqualTo(3);
    }

    @Test
    void refusesInvalidParametersWithFastApisValidationError() {
        for (Map<String, String> query : List.of(Map.of("page_size", "101"), Map.of("page_size", "0"),
                Map.of("page", "0"), Map.of("page", "one"), Map.of("status_filter", "done"),
                Map.of("type_filter", "spiderX"), Map.of("sort_by", "name"), Map.of("sort_order", "up"))) {
            SimulatedResponse response = simulator.listJobs(AUTH, query);

            assertThat(response.status()).as(query.toString()).isEqualTo(422);
            JsonNode error = json(response).path("detail").get(0);
            assertThat(error.path("loc").get(1).asText()).isEqualTo(query.keySet().iterator().next());
            assertThat(error.path("msg").asText()).isNotBlank();
        }
        assertThat(simulator.listJobs(AUTH, Map.of("page_size", "100")).status()).isEqualTo(200);
    }

    @Test
    void isCheckedAndRateLimitedLikeEveryCall() {
        assertThat(simulator.listJobs(null, Map.of()).status()).isEqualTo(401);
        assertThat(simulator.listJobs("Bearer sim-client:sim-key:wrong", Map.of()).jsonBody())
                .isEqualTo("{\"detail\":\"Invalid or missing credentials\"}");
        for (int i = 0; i < 20; i++) {
            assertThat(simulator.listJobs(AUTH, Map.of()).status()).isEqualTo(200);
        }

        SimulatedResponse limited = simulator.listJobs(AUTH, Map.of());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers()).containsKey("Retry-After");
        assertThat(simulator.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void theListModeBreaksItUntilReset() {
        create(SimulatedJobType.SPIDER_SITE, 0, 5, SimulatedOutcome.COMPLETED);

        simulator.setListMode(JobListMode.missing());
        assertThat(simulator.listJobs(AUTH, Map.of())).extracting(SimulatedResponse::status,
                SimulatedResponse::jsonBody).containsExactly(404, "{\"detail\":\"Not Found\"}");
        simulator.setListMode(JobListMode.status(500));
        assertThat(simulator.listJobs(AUTH, Map.of()).status()).isEqualTo(500);
        simulator.setListMode(JobListMode.garbage());
        SimulatedResponse garbage = simulator.listJobs(AUTH, Map.of());
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(isJson(garbage.jsonBody())).isFalse();
        simulator.setListMode(JobListMode.wrongShape());
        JsonNode wrong = json(simulator.listJobs(AUTH, Map.of()));
        assertThat(wrong.has("jobs")).isFalse();
        assertThat(wrong.path("items")).hasSize(1);
        simulator.setListMode(JobListMode.empty());
        JsonNode empty = json(simulator.listJobs(AUTH, Map.of()));
        assertThat(empty.path("total").asInt()).isZero();
        assertThat(empty.path("jobs")).isEmpty();

        simulator.reset();
        create(SimulatedJobType.SPIDER_SITE, 0, 5, SimulatedOutcome.COMPLETED);
        assertThat(simulator.listMode()).isEqualTo(JobListMode.NORMAL);
        assertThat(json(simulator.listJobs(AUTH, Map.of())).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void theSettingsChooseTheStartingListMode() {
        SimulatorFixture broken = new SimulatorFixture(SimulatorSettings.builder()
                .listMode(JobListMode.missing()).build());

        assertThat(broken.simulator.listJobs(AUTH, Map.of()).status()).isEqualTo(404);
        broken.simulator.reset();
        assertThat(broken.simulator.listJobs(AUTH, Map.of()).status()).isEqualTo(404);
    }

    private SimulatedJob create(SimulatedJobType type, long queueSeconds, long processingSeconds,
            SimulatedOutcome outcome) {
        return simulator.create(JobSpec.of(type).withOutcome(outcome)
                .withTimes(Duration.ofSeconds(queueSeconds), Duration.ofSeconds(processingSeconds)));
    }

    private static List<String> ids(JsonNode body) {
        return StreamSupport.stream(body.path("jobs").spliterator(), false)
                .map(job -> job.path("job_id").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isJson(String text) {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}

package ai.spideriq.tracker.contract;

import static ai.spideriq.tracker.contract.ContractSchemas.assertRejected;
import static ai.spideriq.tracker.contract.ContractSchemas.errors;
import static ai.spideriq.tracker.contract.ContractSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import ai.spideriq.tracker.intake.RejectedSubmission;
import ai.spideriq.tracker.intake.SubmissionParser;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The published contract of the topics (src/main/resources/schemas, asyncapi.yaml) holds for what the running
 * service really writes: one message of every kind is produced and validated with a real JSON Schema validator.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OutcomeContractTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Duration QUICK = Duration.ofMillis(800);
    /** The records the service produced for this test, by what they stand for; filled once. */
    private static Map<String, TopicRecorder.Seen> produced;

    @Inject
    SpiderIqSimulator simulator;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyMessageTheServiceProducesMatchesTheSchemaOfItsTopic() {
        Map<String, String> schemaOfTopic = Map.of(
                "spideriq.jobs.completed", "spideriq.jobs.completed.v1.schema.json",
                "spideriq.jobs.failed", "spideriq.jobs.failed.v1.schema.json",
                "spideriq.jobs.cancelled", "spideriq.jobs.cancelled.v1.schema.json");
        produced().forEach((kind, seen) -> {
            if (kind.equals("dead-letter")) {
                assertThat(errors("spideriq.jobs.submitted.dlq.v1.headers.schema.json", mapper.valueToTree(seen.headers())))
                        .as(kind).isEmpty();
                return;
            }
            assertThat(errors(schemaOfTopic.get(seen.topic()), seen.json())).as(kind + ": " + seen.value()).isEmpty();
            assertThat(errors("spideriq.jobs.outcome.v1.headers.schema.json", mapper.valueToTree(seen.headers())))
                    .as(kind).isEmpty();
            assertThat(seen.key()).as("key is the job ID").isEqualTo(seen.json().get("job_id").asText());
        });
    }

    @Test
    void eachKindOfMessageLandsOnTheTopicItsSchemaDescribes() {
        Map<String, TopicRecorder.Seen> seen = produced();
        assertThat(seen).hasSize(10);
        seen.forEach((kind, record) -> assertThat(record.topic()).as(kind + ": " + record.value())
                .isEqualTo(switch (kind.split(":")[0]) {
                    case "completed" -> "spideriq.jobs.completed";
                    case "failed" -> "spideriq.jobs.failed";
                    case "cancelled" -> "spideriq.jobs.cancelled";
                    default -> "spideriq.jobs.submitted.dlq";
                }));
        assertThat(seen.get("failed:job_failed").json().get("reason").asText()).isEqualTo("job_failed");
        assertThat(seen.get("failed:job_not_found").json().get("reason").asText()).isEqualTo("job_not_found");
        assertThat(seen.get("dead-letter").value()).as("the original bytes").isEqualTo("not-a-job-id");
        assertThat(seen.get("dead-letter").headers()).containsEntry("spideriq-rejection-reason", "invalid_job_id")
                .containsEntry("traceparent", TRACEPARENT);
    }

    @Test
    void theValidatorRejectsMessagesThatBreakTheContract() {
        ObjectNode site = (ObjectNode) produced().get("completed:site-full-champ").json();
        ObjectNode maps = (ObjectNode) produced().get("completed:maps").json();
        ObjectNode failed = (ObjectNode) produced().get("failed:job_failed").json();
        ObjectNode cancelled = (ObjectNode) produced().get("cancelled").json();
        String completed = "spideriq.jobs.completed.v1.schema.json";
        String failedSchema = "spideriq.jobs.failed.v1.schema.json";
        // Each broken message differs from a valid one in one field only, so each rejection is for that field.
        assertThat(errors(completed, site)).isEmpty();
        assertThat(errors(failedSchema, failed)).isEmpty();

        assertRejected(completed, without(site, "job_id"), "job_id");
        assertRejected(completed, with(site, "job_id", "not-a-uuid"), "job_id");
        assertRejected(completed, with(site, "data", maps.get("data")), "url");
        assertRejected(completed, with(site, "reason", "job_failed"), "reason");
        assertRejected(completed, with(site, "surprise", "field"), "surprise");
        assertRejected(completed, with(site, "completed_at", "yesterday"), "completed_at");
        ObjectNode tracking = site.get("tracking").deepCopy();
        assertRejected(completed, with(site, "tracking", tracking.put("api_requests", -1)), "api_requests");
        assertRejected(completed, failed, "status");
        assertRejected(failedSchema, without(failed, "reason"), "reason");
        assertRejected(failedSchema, with(failed, "reason", "gave_up"), "reason");
        assertRejected("spideriq.jobs.cancelled.v1.schema.json", with(cancelled, "status", "failed"), "status");
        ObjectNode deadLetter = mapper.valueToTree(produced().get("dead-letter").headers());
        assertRejected("spideriq.jobs.submitted.dlq.v1.headers.schema.json",
                deadLetter.put("spideriq-rejection-reason", "bad_vibes"), "spideriq-rejection-reason");
    }

    @Test
    void documentedSubmissionsMatchTheSchemaAndTheParserAcceptsThem() throws Exception {
        SubmissionParser parser = new SubmissionParser(65536);
        JsonNode examples = schema("spideriq.jobs.submitted.v1.schema.json").get("examples");
        assertThat(examples).isNotEmpty();
        for (JsonNode example : examples) {
            assertThat(errors("spideriq.jobs.submitted.v1.schema.json", example)).as(example.toString()).isEmpty();
            assertThat(parser.parse(null, bytes(example)).jobId()).hasToString(example.get("job_id").asText());
        }
        for (String bad : List.of("{\"type\":\"spiderSite\"}", "{\"job_id\":\"../../etc\"}", "{\"job_id\":42}",
                "{\"job_id\":\"" + UUID.randomUUID() + "\",\"type\":\"spiderMail\"}")) {
            assertThat(errors("spideriq.jobs.submitted.v1.schema.json", mapper.readTree(bad))).as(bad).isNotEmpty();
            assertThatThrownBy(() -> parser.parse(null, bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(RejectedSubmission.class);
        }
    }

    @Test
    void everySchemaIsAValidDraft202012SchemaAndItsExamplesMatchIt() throws Exception {
        for (String file : List.of("spideriq.jobs.submitted.v1.schema.json", "spideriq.jobs.outcome.v1.schema.json",
                "spideriq.jobs.completed.v1.schema.json", "spideriq.jobs.failed.v1.schema.json",
                "spideriq.jobs.cancelled.v1.schema.json", "spideriq.results-data.v1.schema.json",
                "spideriq.jobs.outcome.v1.headers.schema.json", "spideriq.jobs.submitted.dlq.v1.headers.schema.json")) {
            JsonNode schema = schema(file);
            assertThat(ContractSchemas.metaSchemaErrors(schema)).as(file).isEmpty();
            assertThat(schema.get("$id").asText()).isEqualTo(ContractSchemas.ID_BASE + file);
            for (JsonNode example : schema.path("examples")) {
                assertThat(errors(file, example)).as(file + " example").isEmpty();
            }
        }
    }

    @Test
    void theAsyncApiDocumentPointsAtTheSchemasAndItsExamplesMatchThem() throws Exception {
        JsonNode asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new YAMLMapper().readTree(in);
        }
        assertThat(asyncApi.get("asyncapi").asText()).startsWith("3.");
        int checked = 0;
        for (JsonNode message : asyncApi.get("components").get("messages")) {
            String payload = schemaFile(message.path("payload"));
            String headers = schemaFile(message.path("headers"));
            for (JsonNode example : message.path("examples")) {
                if (payload != null) {
                    assertThat(errors(payload, example.get("payload"))).as(message.get("name") + " payload").isEmpty();
                }
                if (headers != null && example.has("headers")) {
                    assertThat(errors(headers, example.get("headers"))).as(message.get("name") + " headers").isEmpty();
                }
                checked++;
            }
        }
        assertThat(checked).as("examples checked").isGreaterThanOrEqualTo(5);
    }

    /** The schema file a {@code $ref: ./schemas/...} of the AsyncAPI document names, null for an inline schema. */
    private static String schemaFile(JsonNode schemaOrRef) {
        String ref = schemaOrRef.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("./schemas/")) {
            return null;
        }
        String file = ref.substring("./schemas/".length());
        assertThat(OutcomeContractTest.class.getResource("/schemas/" + file)).as(ref).isNotNull();
        return file;
    }

    private Map<String, TopicRecorder.Seen> produced() {
        synchronized (OutcomeContractTest.class) {
            if (produced == null) {
                produced = produce();
            }
            return produced;
        }
    }

    private Map<String, TopicRecorder.Seen> produce() {
        Map<String, String> jobs = new LinkedHashMap<>();
        for (String variant : List.of("site-minimal", "site-with-ai", "site-full-champ", "site-newer-variant", "maps",
                "maps-newer-variant")) {
            SimulatedJobType type = variant.startsWith("maps") ? SimulatedJobType.SPIDER_MAPS : SimulatedJobType.SPIDER_SITE;
            String jobId = create(JobSpec.of(type).withOutcome(SimulatedOutcome.COMPLETED).withPayloadVariant(variant));
            submit(jobId, "{\"job_id\":\"" + jobId + "\",\"type\":\"" + type.wireName() + "\"}");
            jobs.put("completed:" + variant, jobId);
        }
        String failed = create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.FAILED));
        submit(failed, "{\"job_id\":\"" + failed + "\",\"type\":\"spiderSite\"}");
        jobs.put("failed:job_failed", failed);
        String unknown = UUID.randomUUID().toString();
        submit(unknown, unknown);
        jobs.put("failed:job_not_found", unknown);
        String cancelled = create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withOutcome(SimulatedOutcome.CANCELLED));
        submit(null, "\"" + cancelled + "\"");
        jobs.put("cancelled", cancelled);
        String rejectedKey = "contract-" + UUID.randomUUID();
        submit(rejectedKey, "not-a-job-id");
        jobs.put("dead-letter", rejectedKey);

        TopicRecorder topics = TopicRecorder.get();
        Map<String, TopicRecorder.Seen> seen = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            jobs.forEach((kind, key) -> topics.forKey(key).stream().findFirst().ifPresent(s -> seen.put(kind, s)));
            return seen.size() == jobs.size();
        });
        return Map.copyOf(seen);
    }

    private String create(JobSpec spec) {
        return simulator.create(spec.withTimes(Duration.ofMillis(200), QUICK)).jobId();
    }

    private static void submit(String key, String value) {
        Submitter.submit(key, value.getBytes(StandardCharsets.UTF_8), null, Map.of("traceparent", TRACEPARENT));
    }

    private byte[] bytes(JsonNode json) throws Exception {
        return mapper.writeValueAsBytes(json);
    }

    private static ObjectNode without(ObjectNode message, String field) {
        ObjectNode copy = message.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static ObjectNode with(ObjectNode message, String field, Object value) {
        ObjectNode copy = message.deepCopy();
        copy.set(field, new ObjectMapper().valueToTree(value));
        return copy;
    }
}

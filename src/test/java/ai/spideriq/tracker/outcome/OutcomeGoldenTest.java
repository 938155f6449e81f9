package ai.spideriq.tracker.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.ApiAccess;
import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.client.ResultsInterpreter;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.DocsExamples;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.ShippedConfig;
import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * What consumers receive for each of the docs' example answers of {@code GET /results}
 * ({@code src/local/resources/spideriq/examples}), byte for byte: the example's bytes go through the production
 * path (ResultsInterpreter, Ending, JobOutcome, OutcomeEncoder, OutcomePublisher) and the record that would be sent
 * (topic, key, headers, value) is compared with the golden files under {@code src/test/resources/golden}:
 * {@code <example>.outcome.json} is the value as encoded with the default limits, {@code <example>.partial.outcome.json}
 * and {@code <example>.no-data.outcome.json} the partial outcomes of a topic too small for the whole one, and
 * {@code <example>.record.json} what the API answer was taken for and the topic, key and headers of each.
 *
 * <p>
 * The golden files were recorded from the code before the results model became an envelope with raw
 * {@code data}; they change only when the topics' contract does. {@code -Dgolden.update=true} records them anew.
 */
class OutcomeGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Instant FIRST_SEEN = Instant.parse("2026-01-18T12:30:00.123456789Z");
    private static final Instant ENDED = Instant.parse("2026-01-18T12:31:40.987654321Z");
    private static final UUID JOB_ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    private static final Map<String, String> SUBMISSION_HEADERS = Map.of("traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "x-correlation-id", "golden-1");

    private static final ObjectMapper MAPPER = DocsExamples.QUARKUS_MAPPER;
    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = { "site-minimal", "site-with-ai", "site-full-champ", "site-newer-variant", "maps",
            "maps-newer-variant", "failed-410", "cancelled-410", "not-found-404", "processing-202",
            "processing-202-short" })
    void everyExampleAnswerBecomesTheRecordItAlwaysBecame(String example) throws Exception {
        byte[] body = DocsExamples.bytes(example);
        PollResult poll = interpreter().interpret(httpStatus(example), header -> null,
                () -> new String(body, StandardCharsets.UTF_8));
        // An answer that does not end the job is published only once the tracking deadline passes.
        Ending ending = poll instanceof PollResult.Ended ended ? Ending.reported(ended.results())
                : poll instanceof PollResult.NotFound ? Ending.notFound() : Ending.deadlineExceeded();
        TrackedJob job = TrackedJob.submitted(JOB_ID, null, 0, 42, FIRST_SEEN, FIRST_SEEN.plus(Duration.ofHours(6)),
                SUBMISSION_HEADERS);

        ObjectNode record = PRETTY.createObjectNode();
        record.put("poll", describe(poll));
        record.put("ending", ending.wireName());
        Sent whole = publish(new OutcomeEncoder(MAPPER, "zstd", 1048588, 16777216, "https://spideriq.ai/"), job,
                ending);
        record.set("whole", whole.describe());
        check(example + ".outcome.json", whole.value(), canonical(whole.value()));
        // A topic that takes one byte less than the whole outcome: the largest data fields are left out, as many as
        // it takes to make room for the partial object too.
        int headerBytes = OutcomeEncoder.headerBytes(whole.headers()) + 64;
        Sent partial = publish(new OutcomeEncoder(MAPPER, "none", headerBytes + 512 + whole.value().length - 1,
                16777216, "https://spideriq.ai/"), job, ending);
        record.set("partial", partial.describe());
        check(example + ".partial.outcome.json", partial.value(), canonical(partial.value()));
        // A topic too small even for the envelope: the outcome without data.
        Sent noData = publish(new OutcomeEncoder(MAPPER, "none", headerBytes + 512 + 200, 16777216,
                "https://spideriq.ai/"), job, ending);
        record.set("no_data", noData.describe());
        check(example + ".no-data.outcome.json", noData.value(), canonical(noData.value()));

        byte[] described = (PRETTY.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        check(example + ".record.json", described, described);
    }

    private static String describe(PollResult poll) {
        if (poll instanceof PollResult.Ended ended) {
            return "ended: " + ended.wireName();
        }
        if (poll instanceof PollResult.Running running) {
            return "running: status " + running.status() + ", type " + running.type();
        }
        return poll.toString();
    }

    private static int httpStatus(String example) {
        if (example.endsWith("-410")) {
            return 410;
        }
        if (example.endsWith("-404")) {
            return 404;
        }
        return example.contains("-202") ? 202 : 200;
    }

    private static ResultsInterpreter interpreter() {
        FakeClock clock = new FakeClock();
        TrackerConfig.RateLimit rateLimit = ShippedConfig.load().rateLimit();
        return new ResultsInterpreter(MAPPER, new ApiRateLimiter(90, 10, clock), new ApiAccess(),
                new TrackerMetrics(new SimpleMeterRegistry()), rateLimit, clock);
    }

    /** One record as the publisher hands it to the producer. */
    private record Sent(String topic, String key, Map<String, String> headers, byte[] value) {

        ObjectNode describe() {
            ObjectNode node = PRETTY.createObjectNode();
            node.put("topic", topic);
            node.put("key", key);
            node.set("headers", PRETTY.valueToTree(new TreeMap<>(headers)));
            node.put("value_bytes", value.length);
            return node;
        }
    }

    private static Sent publish(OutcomeEncoder encoder, TrackedJob job, Ending ending) {
        List<Sent> sent = new ArrayList<>();
        OutcomePublisher publisher = new OutcomePublisher(new Recording("completed", sent),
                new Recording("failed", sent), new Recording("cancelled", sent), encoder,
                new TrackerMetrics(new SimpleMeterRegistry()), Duration.ofSeconds(5));
        publisher.publish(job, ending, ENDED).await().atMost(Duration.ofSeconds(5));
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    /**
     * The value as compared: byte for byte, except the order of the members of the objects inside {@code data}, which
     * JSON leaves without meaning (RFC 8259) and which was never the API's own order: the typed model wrote its known
     * fields in its declaration order and the unknown ones after them in no fixed order. Every member, every value
     * and the way each is written (number types included) are compared, and the envelope's own order is kept.
     */
    private static byte[] canonical(byte[] value) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(value);
            if (tree.has("data")) {
                tree.replace("data", sorted(tree.get("data")));
            }
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            propertiesOf(node).forEach((name, child) -> copy.set(name, sorted(child)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(child -> copy.add(sorted(child)));
            return copy;
        }
        return node;
    }

    /** The members of an object, by name. */
    private static Map<String, JsonNode> propertiesOf(JsonNode node) {
        Map<String, JsonNode> properties = new TreeMap<>();
        node.properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }

    /**
     * Compares {@code actual} with the golden file, as {@code compared} (either the bytes themselves or their
     * {@link #canonical} form); with {@code -Dgolden.update=true} records the bytes instead.
     */
    private static void check(String file, byte[] actual, byte[] compared) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(path, actual);
            return;
        }
        byte[] expected;
        try (InputStream in = OutcomeGoldenTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            expected = in.readAllBytes();
        }
        assertThat(actual).as(file + ": size in bytes").hasSize(expected.length);
        byte[] expectedCompared = compared == actual ? expected : canonical(expected);
        assertThat(new String(compared, StandardCharsets.UTF_8)).as(file)
                .isEqualTo(new String(expectedCompared, StandardCharsets.UTF_8));
    }

    /** An emitter that only records what it is given, acknowledged at once. */
    private record Recording(String topic, List<Sent> sent) implements MutinyEmitter<byte[]> {

        @Override
        public <M extends Message<? extends byte[]>> Uni<Void> sendMessage(M message) {
            OutgoingKafkaRecordMetadata<?> metadata = message.getMetadata(OutgoingKafkaRecordMetadata.class)
                    .orElseThrow();
            Map<String, String> headers = new TreeMap<>();
            for (Header header : metadata.getHeaders()) {
                assertThat(headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)))
                        .as("header " + header.key() + " once").isNull();
            }
            sent.add(new Sent(topic, String.valueOf(metadata.getKey()), headers, message.getPayload()));
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> send(byte[] payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(byte[] payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(byte[] payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends byte[]>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends byte[]>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends byte[]>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}

package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Bad records go to the dead-letter topic with their reason; consumption goes on. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class DeadLetterEndToEndTest {

    private static final String DLQ = "spideriq.jobs.submitted.dlq";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();

    @Test
    void eachKindOfBadRecordIsDeadLetteredWithItsReasonAndGoodOnesAfterItAreTracked() {
        String tag = UUID.randomUUID().toString();
        Map<String, String> reasons = Map.of(
                "not-a-uuid-" + tag, "invalid_job_id",
                "{\"job_id\": \"" + tag, "malformed_json",
                "{\"job_id\":\"" + tag + "\",\"type\":\"spiderMail\"}", "unknown_job_type",
                "{\"type\":\"spiderSite\",\"tag\":\"" + tag + "\"}", "missing_job_id",
                "{\"job_id\":\"../../" + tag + "\"}", "invalid_job_id",
                "[\"" + tag + "\"]", "malformed_json",
                "{\"job_id\":\"" + tag + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}", "record_too_large");
        reasons.keySet().forEach(value -> Submitter.submit("bad-" + tag, value));
        Submitter.submit("bad-" + tag, (byte[]) null, null, Map.of());
        Submitter.submit(UUID.randomUUID().toString(), tag + "-not-a-job");
        String good = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE)
                .withTimes(Duration.ZERO, Duration.ofMillis(500))).jobId();
        Submitter.submitJob(good, "spiderSite");

        topics.awaitFirst(good, Duration.ofSeconds(30));
        List<TopicRecorder.Seen> dead = topics.onTopic(DLQ).stream().filter(s -> ("bad-" + tag).equals(s.key()))
                .toList();
        assertThat(dead).hasSize(reasons.size() + 1);
        for (TopicRecorder.Seen seen : dead) {
            String expected = seen.value() == null ? "empty_record" : reasons.get(seen.value());
            assertThat(seen.headers()).containsEntry("spideriq-rejection-reason", expected);
            assertThat(seen.headers().get("dead-letter-reason")).startsWith(expected + ": ");
            assertThat(seen.headers()).containsEntry("dead-letter-topic", "spideriq.jobs.submitted");
            assertThat(seen.headers()).containsKeys("dead-letter-partition", "dead-letter-offset");
        }
        // The original bytes are kept, so the record can be fixed and replayed.
        assertThat(dead).extracting(TopicRecorder.Seen::value).containsAll(reasons.keySet());
        // No bad ID ever reached a URL.
        assertThat(simulator.requests()).noneMatch(r -> r.path().contains(tag));
    }

    @Test
    void aRecordWhoseKeyIsAnotherJobIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        String value = UUID.randomUUID().toString();
        Submitter.submit(key, value);

        TopicRecorder.Seen seen = topics.awaitFirst(key, Duration.ofSeconds(30));
        assertThat(seen.topic()).isEqualTo(DLQ);
        assertThat(seen.headers()).containsEntry("spideriq-rejection-reason", "key_mismatch");
    }

    @Test
    void theDeadLetterIsTheOriginalKeyAndValueByteForByteWithTheServicesReasonOnlyAndTheSubmittersOtherHeaders() {
        String tag = UUID.randomUUID().toString();
        byte[] notUtf8 = { (byte) 0xff, (byte) 0xfe, 0x00 };
        List<ProducerRecord<byte[], byte[]>> sent = List.of(
                // A valid submission but for its key, which no text decoding may change.
                hostile(tag, 0, notUtf8, bytes("{\"job_id\":\"" + UUID.randomUUID() + "\"}")),
                hostile(tag, 1, notUtf8, new byte[] { (byte) 0x80, (byte) 0xff, 'x', 0x00 }),
                hostile(tag, 2, bytes("cl\u00e9-" + tag), bytes("not-a-uuid")));
        List<String> expected = List.of("key_mismatch", "invalid_job_id", "invalid_job_id");
        KafkaCompanion kafka = KafkaBroker.companion();
        List<ConsumerRecord<byte[], byte[]>> dead;
        List<Long> offsets;
        try (ConsumerTask<byte[], byte[]> dlq = kafka.consume(byte[].class, byte[].class).fromTopics(DLQ)) {
            offsets = kafka.produce(byte[].class, byte[].class).withConcurrency(1).fromRecords(sent)
                    .awaitCompletion(Duration.ofSeconds(30)).stream().map(RecordMetadata::offset).toList();
            dead = await().atMost(Duration.ofSeconds(30)).until(() -> ours(dlq, tag),
                    ours -> ours.size() >= sent.size());
        }
        assertThat(dead).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            ConsumerRecord<byte[], byte[]> seen = byCorrelation(dead, tag + "-" + i);
            assertThat(seen.key()).as("key of %d", i).isEqualTo(sent.get(i).key());
            assertThat(seen.value()).as("value of %d", i).isEqualTo(sent.get(i).value());
            // The service's own headers, once each: a submitter's copies of them are not on the record at all.
            assertThat(named(seen, "spideriq-rejection-reason")).containsExactly(expected.get(i));
            assertThat(named(seen, "dead-letter-reason")).singleElement(InstanceOfAssertFactories.STRING)
                    .startsWith(expected.get(i) + ": ");
            assertThat(named(seen, "dead-letter-topic")).containsExactly(KafkaBroker.SUBMITTED);
            assertThat(named(seen, "dead-letter-offset")).containsExactly(Long.toString(offsets.get(i)));
            assertThat(named(seen, "spideriq-original-sha256")).isEmpty();
            // The submitter's other headers, as they came.
            assertThat(named(seen, "traceparent")).containsExactly(TRACEPARENT);
            assertThat(seen.headers().lastHeader("x-opaque").value()).isEqualTo(new byte[] { (byte) 0xff, 0x00 });
        }
    }

    /** A rejected record whose submitter also sent forged dead-letter headers, some in another case. */
    private static ProducerRecord<byte[], byte[]> hostile(String tag, int index, byte[] key, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(KafkaBroker.SUBMITTED, key, value);
        record.headers().add("x-correlation-id", bytes(tag + "-" + index));
        record.headers().add("dead-letter-reason", bytes("forged"));
        record.headers().add("spideriq-rejection-reason", bytes("forged"));
        record.headers().add("Dead-Letter-Offset", bytes("999999"));
        record.headers().add("spideriq-original-sha256", bytes("forged"));
        record.headers().add("traceparent", bytes(TRACEPARENT));
        record.headers().add("x-opaque", new byte[] { (byte) 0xff, 0x00 });
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<byte[], byte[]>> ours(ConsumerTask<byte[], byte[]> dlq, String tag) {
        return dlq.getRecords().stream().filter(r -> named(r, "x-correlation-id").stream()
                .anyMatch(id -> id.startsWith(tag + "-"))).toList();
    }

    private static ConsumerRecord<byte[], byte[]> byCorrelation(List<ConsumerRecord<byte[], byte[]>> records,
            String id) {
        return records.stream().filter(r -> named(r, "x-correlation-id").contains(id)).findFirst().orElseThrow();
    }

    /** The values of every header of that name, in any case, as text. */
    private static List<String> named(ConsumerRecord<byte[], byte[]> record, String name) {
        return StreamSupport.stream(record.headers().spliterator(), false).filter(h -> h.key().equalsIgnoreCase(name))
                .map(Header::value).map(v -> v == null ? null : new String(v, StandardCharsets.UTF_8)).toList();
    }
}

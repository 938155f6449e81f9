package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import ai.spideriq.tracker.testing.KafkaBroker;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** What the intake-survival tests share: topics with their own limits, raw records, and the checks a user makes. */
final class IntakeSurvival {

    static final KafkaCompanion KAFKA = new KafkaCompanion(KafkaBroker.bootstrapServers());

    private IntakeSurvival() {
    }

    /** Creates a topic with its own {@code max.message.bytes} unless it exists. */
    static void createTopic(String name, int partitions, int maxMessageBytes) {
        try {
            KAFKA.getOrCreateAdminClient().createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", Integer.toString(maxMessageBytes))))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + name, e);
            }
        }
    }

    /**
     * Sends records one by one, in order (one partition keeps them in order), with a producer that allows 2 MiB: one
     * at a time, because the broker's limit is per batch and a job batched with a large record would exceed it.
     */
    @SafeVarargs
    static void send(ProducerRecord<String, byte[]>... records) {
        for (ProducerRecord<String, byte[]> record : records) {
            KAFKA.produce(String.class, byte[].class).withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024)
                    .fromRecords(record).awaitCompletion(Duration.ofSeconds(60));
        }
    }

    static ProducerRecord<String, byte[]> job(String topic, String jobId) {
        return new ProducerRecord<>(topic, 0, jobId, ("{\"job_id\":\"" + jobId + "\"}").getBytes());
    }

    /** A value of exactly {@code bytes} bytes starting with {@code tag}, without key or headers (every byte counts). */
    static ProducerRecord<String, byte[]> filler(String topic, String tag, int bytes) {
        byte[] value = new byte[bytes];
        Arrays.fill(value, (byte) 'x');
        System.arraycopy(tag.getBytes(), 0, value, 0, tag.length());
        return new ProducerRecord<>(topic, 0, null, value);
    }

    /** The consumer group's commit passes every record on partition 0 so far: a restart starts after them. */
    static void awaitCommittedToTheEnd(String topic, String group) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = KAFKA.getOrCreateAdminClient().listOffsets(Map.of(partition, OffsetSpec.latest())).all()
                .get(30, TimeUnit.SECONDS).get(partition).offset();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var committed = KAFKA.consumerGroups().offsets(group, partition);
            return committed != null && committed.offset() >= end;
        });
    }

    static void assertReady() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    /** The value of a counter's series with {@code reason} in the Prometheus scrape, 0 when absent. */
    static double counter(String name, String reason) {
        String scrape = given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString();
        return scrape.lines().filter(l -> l.startsWith(name + "{") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void assertAllEnded(ai.spideriq.tracker.testing.TopicRecorder topics, List<String> jobs) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream().allMatch(j -> !topics.forKey(j).isEmpty()));
        assertThat(jobs).allSatisfy(j -> assertThat(topics.forKey(j).get(0).topic())
                .isEqualTo("spideriq.jobs.completed"));
    }
}

package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.JobState;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A job that runs for hours does not hold back the offset commits of the submissions after it. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OffsetCommitEndToEndTest {

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void theInputOffsetIsCommittedOnceAJobIsRegisteredNotWhenItEnds() throws Exception {
        String longJob = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withTimes(Duration.ZERO, Duration.ofHours(1)))
                .jobId();
        RecordMetadata last;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaBroker.bootstrapServers(), "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(KafkaBroker.SUBMITTED, 0, longJob, longJob)).get();
            String shortJob = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO,
                    Duration.ofHours(1))).jobId();
            last = producer.send(new ProducerRecord<>(KafkaBroker.SUBMITTED, 0, shortJob, shortJob)).get();
        }
        TopicPartition partition = new TopicPartition(KafkaBroker.SUBMITTED, 0);
        long mustPass = last.offset();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            // Both jobs are still running at SpiderIQ, yet the commit moves past them.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("spideriq-tracker").partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                OffsetAndMetadata offset = committed.get(partition);
                return offset != null && offset.offset() > mustPass;
            });
        }
        assertThat(simulator.job(longJob).orElseThrow().stateAt(simulator.now()))
                .isIn(JobState.QUEUED, JobState.PROCESSING);
    }
}

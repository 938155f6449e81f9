package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.spideriq.tracker.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The producers whose records must not be lost, doubled or reordered (outcomes, the in-flight state) run with the
 * settings that promise it, as the Kafka client really holds them: SmallRye's connector defaults {@code acks} to 1,
 * which also turns the client's default idempotence off.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ProducerGuaranteesEndToEndTest {

    @Inject
    KafkaClientService clients;

    @ParameterizedTest
    @ValueSource(strings = { "completed", "failed", "cancelled", "in-flight" })
    void writesAreAcknowledgedByAllInSyncReplicasAndNeverDoubledOrReordered(String channel) {
        Map<String, ?> config = clients.getProducer(channel).configuration();

        assertThat(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG))).isIn("all", "-1");
        assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
    }

    @Test
    void deadLettersAreNotRetriedButAcknowledgedByAllInSyncReplicas() {
        Map<String, ?> config = clients.getProducer("dead-letter").configuration();

        assertThat(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG))).isIn("all", "-1");
        assertThat(String.valueOf(config.get(ProducerConfig.RETRIES_CONFIG))).isEqualTo("0");
    }
}

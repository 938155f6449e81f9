package ai.spideriq.tracker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.logging.Level;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.LogCapture;

class KafkaReachabilityTest {

    private final FakeClock clock = new FakeClock();
    private final KafkaReachability reachability = new KafkaReachability(clock, Duration.ofSeconds(15), "kafka:9092");

    @Test
    void staysReachableThroughShortSilencesAndAnswersThatComeLate() {
        clock.advance(Duration.ofSeconds(15));
        reachability.failed(new TimeoutException("Timed out waiting for a node assignment"));
        assertThat(reachability.reachable()).isTrue();
        reachability.answered();
        clock.advance(Duration.ofSeconds(10));
        assertThat(reachability.reachable()).isTrue();
        assertThat(reachability.silence()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void unreachableOnceNoBrokerAnsweredForTheLimitAndReachableAtTheFirstAnswer() {
        reachability.answered();
        clock.advance(Duration.ofSeconds(16));
        assertThat(reachability.reachable()).isFalse();

        reachability.answered();
        assertThat(reachability.reachable()).isTrue();
        assertThat(reachability.silence()).isZero();
    }

    @Test
    void saysWhenTheQuestionIsStillOutRatherThanFailed() {
        try (LogCapture log = LogCapture.of(KafkaReachability.class)) {
            reachability.failed(new TimeoutException("Timed out waiting for a node assignment"));
            reachability.answered();
            clock.advance(Duration.ofSeconds(16));
            reachability.check();

            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("no broker has answered for 16 s (the last question is still unanswered)");
        }
    }

    @Test
    void logsEachChangeOnceWithTheAddressAndTheLastFailure() {
        try (LogCapture log = LogCapture.of(KafkaReachability.class)) {
            clock.advance(Duration.ofSeconds(10));
            reachability.failed(new TimeoutException("Timed out waiting for a node assignment"));
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(5));
                reachability.check();
                reachability.failed(new TimeoutException("Timed out waiting for a node assignment"));
            }
            clock.advance(Duration.ofSeconds(3));
            reachability.answered();
            reachability.answered();

            assertThat(log.messages(Level.INFO)).containsExactly(
                    "Kafka is not reachable at kafka:9092: no broker has answered for 20 s (last failure: "
                            + "TimeoutException: Timed out waiting for a node assignment). Readiness is DOWN until one does; submissions "
                            + "wait unacknowledged and outcomes are retried meanwhile",
                    "Kafka is reachable again at kafka:9092 after 38 s without an answer; readiness is UP");
        }
    }
}

package ai.spideriq.tracker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.i18n.KafkaLogging;

/** Fed SmallRye's real log calls, so that a SmallRye upgrade that renumbers them fails here, not silently. */
class KafkaWriteFailureLogFilterTest {

    private final List<String> passed = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("io.smallrye.reactive.messaging.kafka");
    private final Handler handler = new Handler() {
        private final KafkaWriteFailureLogFilter filter = new KafkaWriteFailureLogFilter();

        @Override
        public void publish(LogRecord record) {
            if (filter.isLoggable(record)) {
                passed.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    KafkaWriteFailureLogFilterTest() {
        logger.addHandler(handler);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    @Test
    void dropsSmallRyesLinesPerFailedSendOnTheChannelsTheTrackerLogsItself() {
        TimeoutException failure = new TimeoutException("Topic t not present in metadata after 1000 ms.");
        for (String channel : KafkaWriteFailureLogFilter.CHANNELS) {
            KafkaLogging.log.unableToWrite(channel, "t", failure);
            KafkaLogging.log.nackingMessage(Message.of("x"), channel, "t", failure);
        }
        assertThat(passed).isEmpty();
    }

    @Test
    void letsOtherChannelsAndOtherLinesThrough() {
        TimeoutException failure = new TimeoutException("Topic t not present in metadata after 1000 ms.");
        KafkaLogging.log.unableToWrite("demo-submissions", "t", failure);
        KafkaLogging.log.nackingMessage(Message.of("x"), "demo-submissions", "t", failure);
        KafkaLogging.log.unableToDispatch(failure);

        assertThat(passed).hasSize(3);
    }
}

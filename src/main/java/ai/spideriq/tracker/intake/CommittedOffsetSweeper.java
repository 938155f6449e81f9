package ai.spideriq.tracker.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.tracking.JobTracker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.core.Vertx;

/**
 * Tells the tracker, now and then, how far the input's offsets are committed, so that it can tombstone the records
 * of ended jobs that can no longer be replayed. Keeps the in-flight topic as small as the work in flight.
 */
@ApplicationScoped
public class CommittedOffsetSweeper {

    private static final Logger LOG = Logger.getLogger(CommittedOffsetSweeper.class);
    /** Well above the throttled strategy's commit interval, well below anything that lets the topic grow. */
    static final Duration INTERVAL = Duration.ofSeconds(15);

    private final KafkaClientService clients;
    private final JobTracker tracker;
    private final Vertx vertx;
    private long timer = -1;

    public CommittedOffsetSweeper(KafkaClientService clients, JobTracker tracker, Vertx vertx) {
        this.clients = clients;
        this.tracker = tracker;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(INTERVAL.toMillis(), id -> sweep());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sweep() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(SubmissionConsumer.CHANNEL);
        if (consumer == null) {
            return;
        }
        consumer.getAssignments()
                .chain(assigned -> consumer.committed(assigned.toArray(TopicPartition[]::new)))
                .subscribe().with(committed -> {
                    Map<Integer, Long> next = new HashMap<>();
                    committed.forEach((partition, offset) -> {
                        if (offset != null) {
                            next.put(partition.partition(), offset.offset());
                        }
                    });
                    tracker.forgetCommitted(next);
                }, failure -> LOG.debugf("Committed offsets not available now: %s", failure.getMessage()));
    }
}

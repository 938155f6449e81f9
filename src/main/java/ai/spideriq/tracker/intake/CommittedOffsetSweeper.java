package ai.spideriq.tracker.intake;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.tracking.JobTracker;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Tells the tracker, now and then, how far the input's offsets are committed, so that it can tombstone the records
 * of ended jobs that can no longer be replayed. Keeps the in-flight topic as small as the work in flight.
 * <p>
 * Every 15 s: well above the throttled strategy's commit interval, well below anything that lets the topic grow. The
 * sweep is non-blocking (the consumer's own polling thread reads the offsets), so it starts on the event loop; a
 * sweep still waiting for its offsets is not doubled.
 */
@ApplicationScoped
public class CommittedOffsetSweeper {

    private static final Logger LOG = Logger.getLogger(CommittedOffsetSweeper.class);

    private final KafkaClientService clients;
    private final JobTracker tracker;

    public CommittedOffsetSweeper(KafkaClientService clients, JobTracker tracker) {
        this.clients = clients;
        this.tracker = tracker;
    }

    @Scheduled(identity = "spideriq-committed-offset-sweep", every = "15s", delayed = "15s", concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    Uni<Void> sweep() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(SubmissionConsumer.CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().voidItem();
        }
        return consumer.getAssignments()
                .chain(assigned -> consumer.committed(assigned.toArray(TopicPartition[]::new)))
                .onFailure().invoke(failure -> LOG.debugf("Committed offsets not available now: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .onItem().ifNotNull().invoke(committed -> {
                    Map<Integer, Long> next = new HashMap<>();
                    committed.forEach((partition, offset) -> {
                        if (offset != null) {
                            next.put(partition.partition(), offset.offset());
                        }
                    });
                    tracker.forgetCommitted(next);
                })
                .replaceWithVoid();
    }
}

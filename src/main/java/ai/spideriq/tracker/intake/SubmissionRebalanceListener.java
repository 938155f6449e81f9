package ai.spideriq.tracker.intake;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.inflight.InFlightStore;
import ai.spideriq.tracker.tracking.JobTracker;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Moves tracking with the input partitions: on assignment the jobs in flight of those partitions are restored from
 * the in-flight topic (before any new record of them is consumed, so duplicates are still recognised); on
 * revocation their pollers stop, and the new owner resumes them.
 */
@ApplicationScoped
@Identifier(SubmissionRebalanceListener.NAME)
public class SubmissionRebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "submitted-rebalance";
    private static final Logger LOG = Logger.getLogger(SubmissionRebalanceListener.class);

    private final InFlightStore inFlight;
    private final JobTracker tracker;

    public SubmissionRebalanceListener(InFlightStore inFlight, JobTracker tracker) {
        this.inFlight = inFlight;
        this.tracker = tracker;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> numbers = numbers(partitions);
        Map<Integer, InFlightStore.Restored> restored = inFlight.restore(numbers);
        for (int partition : numbers) {
            InFlightStore.Restored found = restored.getOrDefault(partition,
                    new InFlightStore.Restored(List.of(), List.of()));
            tracker.resume(partition, found.inFlight(), found.ended());
        }
        LOG.infof("Assigned partitions %s", numbers);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            Set<Integer> numbers = numbers(partitions);
            tracker.release(numbers);
            LOG.infof("Revoked partitions %s: their jobs are left to the new owner", numbers);
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}

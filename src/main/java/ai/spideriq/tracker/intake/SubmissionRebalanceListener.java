package ai.spideriq.tracker.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.detection.InputOwnership;
import ai.spideriq.tracker.inflight.InFlightStore;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.tracking.JobTracker;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Moves tracking with the input partitions: on assignment the jobs in flight of those partitions are restored from
 * the in-flight topic (before any new record of them is consumed, so duplicates are still recognised); on
 * revocation their pollers stop, the endings still being written are waited for (so that the new owner restores them
 * as ended, not in flight), and the new owner resumes the rest. The API budget moves with them: this replica's
 * share is the fraction of the input partitions it owns, set before its restored jobs are scheduled. So does the
 * detection for the fleet ({@link InputOwnership}), told after every change.
 */
@ApplicationScoped
@Identifier(SubmissionRebalanceListener.NAME)
public class SubmissionRebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "submitted-rebalance";
    private static final Logger LOG = Logger.getLogger(SubmissionRebalanceListener.class);

    private final InFlightStore inFlight;
    private final JobTracker tracker;
    private final ApiRateLimiter limiter;
    private final InputOwnership ownership;
    private final Duration handoverWait;
    /** Input partitions owned now; only the consumer's thread calls this listener. */
    private final Set<Integer> owned = new HashSet<>();
    private int partitionCount;

    public SubmissionRebalanceListener(InFlightStore inFlight, JobTracker tracker, ApiRateLimiter limiter,
            InputOwnership ownership, TrackerConfig config) {
        this.inFlight = inFlight;
        this.handoverWait = config.kafka().handoverWait();
        this.tracker = tracker;
        this.limiter = limiter;
        this.ownership = ownership;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> numbers = numbers(partitions);
        owned.addAll(numbers);
        share(consumer, partitions);
        Map<Integer, InFlightStore.Restored> restored = inFlight.restore(numbers);
        for (int partition : numbers) {
            InFlightStore.Restored found = restored.getOrDefault(partition,
                    new InFlightStore.Restored(List.of(), List.of()));
            tracker.resume(partition, found.inFlight(), found.ended());
        }
        LOG.infof("Assigned partitions %s (owning %d of %d, %.1f requests/min of the API budget)", numbers,
                owned.size(), partitionCount, limiter.budgetPerMinute());
        ownership.owning(Set.copyOf(owned));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            Set<Integer> numbers = numbers(partitions);
            handOver(numbers);
            owned.removeAll(numbers);
            share(consumer, partitions);
            LOG.infof("Revoked partitions %s: their jobs are left to the new owner (owning %d of %d)", numbers,
                    owned.size(), partitionCount);
            ownership.owning(Set.copyOf(owned));
        }
    }

    /** Blocks the consumer's thread, as the rebalance should wait: the next owner restores these partitions next. */
    private void handOver(Set<Integer> partitions) {
        try {
            tracker.release(partitions).toCompletableFuture().get(handoverWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("Outcomes of jobs of partitions %s were still being written after %d s (spideriq.kafka."
                    + "handover-wait): their next owner may track those jobs again and publish their outcomes twice",
                    partitions, handoverWait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("releasing partitions " + partitions + " failed", e.getCause());
        }
    }

    /** Owned of all input partitions; the count is read again at each rebalance, as partitions can be added. */
    private void share(Consumer<?, ?> consumer, Collection<TopicPartition> changed) {
        if (!changed.isEmpty()) {
            var all = consumer.partitionsFor(changed.iterator().next().topic());
            if (all != null && !all.isEmpty()) {
                partitionCount = all.size();
            }
        }
        limiter.share(owned.size(), Math.max(partitionCount, owned.size()));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}

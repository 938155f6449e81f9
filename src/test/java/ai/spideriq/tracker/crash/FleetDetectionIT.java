package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;

/**
 * Three packaged replicas with the event stream on: one of them (the owner of input partition 0) holds the fleet's
 * only stream, and jobs tracked by every replica get their outcome at about one request each when their end event
 * comes (their own first guard poll is 30 s away, long after they end). When that replica is killed, another opens
 * the stream within one rebalance, and jobs keep getting their outcomes the same way.
 */
class FleetDetectionIT {

    private static final Logger LOG = Logger.getLogger(FleetDetectionIT.class);
    private static final String INPUT = "spideriq.jobs.submitted.fleet-detect";
    private static final int JOBS_PER_PARTITION = 4;
    /**
     * The jobs end within 8 s; their first guard poll comes no sooner than 24 s (30 s less 20 % jitter), so an outcome
     * within this bound was found by its end event (directly on the detector, by a hint elsewhere).
     */
    private static final Duration BY_EVENTS = Duration.ofSeconds(20);
    private static final Map<String, String> FLEET = Map.of("SPIDERIQ_EVENTS_ENABLED", "true",
            "SPIDERIQ_SWEEP_ENABLED", "false", "SPIDERIQ_POLL_INITIAL_DELAY", "30s", "SPIDERIQ_POLL_MAX_DELAY", "60s",
            "SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "300", "SPIDERIQ_RATE_LIMIT_BURST", "30");

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(13, INPUT,
            new RateLimitSettings(1000, Duration.ofSeconds(60), 100));

    @Test
    void oneReplicaFollowsTheStreamForTheFleetAndAnotherTakesOverWhenItIsKilled() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        TopicRecorder outcomes = TopicRecorder.get();
        List<String> names = new ArrayList<>(List.of("detect-a", "detect-b", "detect-c"));
        List<Process> replicas = new ArrayList<>();
        try {
            for (String name : names) {
                replicas.add(TrackerProcess.start(name, INPUT, API.port(), FLEET));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> detectors(names).size() == 1
                    && simulator.openEventStreams() == 1 && everyReplicaOwnsPartitions(names));
            String detector = detectors(names).get(0);

            List<String> before = submitOnEveryPartition();
            outcomes.awaitEach(before, BY_EVENTS);
            assertAboutOneRequestEach(before);
            assertThat(simulator.openEventStreams()).as("one stream for the fleet").isEqualTo(1);

            int killed = names.indexOf(detector);
            replicas.get(killed).destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            List<String> survivors = new ArrayList<>(names);
            survivors.remove(detector);
            await().atMost(Duration.ofSeconds(60)).until(() -> detectors(survivors).size() == 1
                    && simulator.openEventStreams() == 1);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            LOG.infof("Detector %s killed: %s took over the stream in %.1f s", detector, detectors(survivors),
                    takeover.toMillis() / 1000.0);

            List<String> after = submitOnEveryPartition();
            outcomes.awaitEach(after, BY_EVENTS);
            assertAboutOneRequestEach(after);
            assertThat(simulator.openEventStreams()).isEqualTo(1);
        } finally {
            for (Process replica : replicas) {
                replica.destroy();
                replica.waitFor();
            }
        }
    }

    /** Jobs of 4-8 s on every input partition, so that every replica tracks some. */
    private static List<String> submitOnEveryPartition() {
        List<ProducerRecord<String, byte[]>> submissions = new ArrayList<>();
        for (int partition = 0; partition < KafkaBroker.SUBMITTED_PARTITIONS; partition++) {
            for (int i = 0; i < JOBS_PER_PARTITION; i++) {
                String job = API.simulator()
                        .create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                                .withTimes(Duration.ofMillis(500), Duration.ofMillis(3500 + 1000L * i)))
                        .jobId();
                submissions.add(new ProducerRecord<>(INPUT, partition, job, job.getBytes()));
            }
        }
        Submitter.send(submissions);
        return submissions.stream().map(ProducerRecord::key).toList();
    }

    /** Found by the end event, not by a guard poll: one request each, a second at most when an answer crossed it. */
    private static void assertAboutOneRequestEach(List<String> jobs) {
        int total = jobs.stream().mapToInt(job -> API.simulator().requestsFor(job).size()).sum();
        LOG.infof("%d jobs, %d /results requests", jobs.size(), total);
        assertThat(jobs).allSatisfy(job -> assertThat(API.simulator().requestsFor(job)).hasSizeBetween(1, 2));
        assertThat(total).isLessThanOrEqualTo(jobs.size() + jobs.size() / 4);
    }

    private static boolean everyReplicaOwnsPartitions(List<String> names) throws IOException {
        for (String name : names) {
            String log = TrackerProcess.log(name);
            int assigned = log.lastIndexOf("Assigned partitions");
            if (assigned < 0 || log.indexOf("owning 0 of", assigned) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The replicas whose {@code spideriq_detector_active} is 1. */
    private static List<String> detectors(List<String> names) throws IOException, InterruptedException {
        List<String> active = new ArrayList<>();
        for (String name : names) {
            if (TrackerProcess.gauge(name, "spideriq_detector_active") == 1) {
                active.add(name);
            }
        }
        return active;
    }
}

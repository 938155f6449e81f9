package ai.spideriq.tracker.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.testing.KafkaBroker;

/**
 * The pipeline's own ceiling: an API that answers at once with jobs already complete and never limits, a tracker
 * whose bucket never runs dry and whose first poll is immediate, and a batch of submissions produced as fast as
 * Kafka takes them. What is left is intake, journal writes, HTTP and outcome publishing, on the machine's cores
 * (shared here with the broker, the simulator and the producer, all in the benchmark's JVM).
 */
final class PipelineCeiling {

    /**
     * @param jobs submitted
     * @param submitSeconds from the first send to the last acknowledgement
     * @param spanSeconds from the first send to the last outcome
     * @param outcomes jobs with an outcome before the time limit
     * @param steadyPerSecond outcomes per second between the 10th and the 90th percentile outcome
     */
    record Result(int jobs, double submitSeconds, double spanSeconds, int outcomes, double steadyPerSecond) {

        double submittedPerSecond() {
            return jobs / submitSeconds;
        }

        double outcomesPerSecond() {
            return outcomes / spanSeconds;
        }
    }

    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);

    private PipelineCeiling() {
    }

    static Result run(int jobs, long seed, Path logDir) throws Exception {
        String bootstrap = KafkaBroker.bootstrapServers();
        BenchTopics topics = new BenchTopics("bench-ceiling");
        topics.create(bootstrap);
        SimulatorSettings unlimited = SimulatorSettings.builder().requestLogMaxEntries(1)
                .rateLimit(new RateLimitSettings(100_000_000, Duration.ofSeconds(60), 100_000_000))
                .build();
        Map<String, Instant> outcomes = new ConcurrentHashMap<>();
        try (HttpSimulator http = new HttpSimulator(unlimited, seed);
                KafkaProducer<String, byte[]> producer = EndToEndRun.producer(bootstrap);
                OutcomeWatcher watcher = new OutcomeWatcher(bootstrap, topics.outcomes());
                PackagedTracker tracker = PackagedTracker.start(environment(bootstrap, topics, http),
                        logDir.resolve("ceiling-tracker.log"))) {
            watcher.listen((key, at) -> outcomes.putIfAbsent(key, Instant.now()));
            List<SimulatedJob> created = new ArrayList<>(jobs);
            for (int i = 0; i < jobs; i++) {
                created.add(http.simulator()
                        .create(JobSpec.of(i % 10 < 7 ? SimulatedJobType.SPIDER_SITE : SimulatedJobType.SPIDER_MAPS)
                                .withTimes(Duration.ZERO, Duration.ZERO).withOutcome(SimulatedOutcome.COMPLETED)));
            }
            Instant first = Instant.now();
            for (SimulatedJob job : created) {
                String value = "{\"job_id\":\"" + job.jobId() + "\",\"type\":\"" + job.type().wireName() + "\"}";
                producer.send(new ProducerRecord<>(topics.submitted(), job.jobId(),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            Instant submitted = Instant.now();
            Instant deadline = first.plus(TIME_LIMIT);
            while (outcomes.size() < jobs && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            List<Instant> times = new ArrayList<>(outcomes.values());
            Collections.sort(times);
            return new Result(jobs, seconds(first, submitted),
                    times.isEmpty() ? Double.NaN : seconds(first, times.get(times.size() - 1)), times.size(),
                    steady(times));
        }
    }

    private static double steady(List<Instant> times) {
        if (times.size() < 10) {
            return Double.NaN;
        }
        int from = times.size() / 10;
        int to = times.size() * 9 / 10;
        return (to - from) / seconds(times.get(from), times.get(to));
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1e-3, Duration.between(from, to).toNanos() / 1e9);
    }

    private static Map<String, String> environment(String bootstrap, BenchTopics topics, HttpSimulator http) {
        Map<String, String> env = new LinkedHashMap<>(topics.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPIDERIQ_API_BASE_URL", http.baseUrl());
        env.put("SPIDERIQ_API_TOKEN", SimulatorSettings.DEFAULT_TOKEN);
        // A bucket that never runs dry, no waiting before the first poll, and no event stream or job list to wait for
        // (with sweeps on, a job's own polls are guard polls minutes apart, and a batch of 5,000 ends is more than a
        // sweep pages back to): only the pipeline is left.
        env.put("SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000000");
        env.put("SPIDERIQ_RATE_LIMIT_BURST", "1000000");
        env.put("SPIDERIQ_POLL_INITIAL_DELAY", "0s");
        env.put("SPIDERIQ_POLL_MAX_DELAY", "1s");
        env.put("SPIDERIQ_SCHEDULE_MIN_GAP", "0s");
        env.put("SPIDERIQ_EVENTS_ENABLED", "false");
        env.put("SPIDERIQ_SWEEP_ENABLED", "false");
        return env;
    }
}

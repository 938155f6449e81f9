package ai.spideriq.tracker.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.testing.KafkaBroker;

/**
 * The tracker strategy through the real pipeline: the packaged service, the in-JVM Kafka broker, HTTP, and the
 * simulator on real time, all compressed {@code factor}-fold (the simulator's window, the service's rate and every
 * duration of both). Submissions go to Kafka at their (compressed) moments; outcomes are timed by their Kafka record
 * timestamps. Lags and drains are reported back in uncompressed seconds.
 */
final class EndToEndRun {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

    private EndToEndRun() {
    }

    /** Runs each (uncompressed) workload in turn against one packaged service. */
    static List<RunResult> run(List<Workload> workloads, double factor, long seed, Path logDir) throws Exception {
        String bootstrap = KafkaBroker.bootstrapServers();
        BenchTopics topics = new BenchTopics("bench-e2e");
        topics.create(bootstrap);
        RateLimitSettings api = RateLimitSettings.DEFAULTS;
        SimulatorSettings settings = SimulatorSettings.builder().requestLogMaxEntries(1)
                .rateLimit(new RateLimitSettings(api.requestsPerWindow(), Workload.divide(api.window(), factor),
                        api.burst()))
                .eventDropRate(ApiConditions.STRATEGY_COMPARISON.eventDropRate())
                .build();
        List<RunResult> results = new ArrayList<>();
        try (HttpSimulator http = new HttpSimulator(settings, seed);
                KafkaProducer<String, byte[]> producer = producer(bootstrap);
                OutcomeWatcher watcher = new OutcomeWatcher(bootstrap, topics.outcomes());
                PackagedTracker tracker = PackagedTracker.start(environment(bootstrap, topics, http, factor),
                        logDir.resolve("e2e-tracker.log"))) {
            for (Workload workload : workloads) {
                results.add(runOne(workload, workload.compressed(factor), factor, http, producer, watcher, tracker,
                        topics));
            }
        }
        return results;
    }

    private static RunResult runOne(Workload original, Workload workload, double factor, HttpSimulator http,
            KafkaProducer<String, byte[]> producer, OutcomeWatcher watcher, PackagedTracker tracker,
            BenchTopics topics) throws InterruptedException {
        http.simulator().reset();
        RunRecorder recorder = new RunRecorder();
        watcher.listen(recorder::outcome);
        long wallStart = System.nanoTime();
        Instant start = Instant.now().plusMillis(200);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (JobArrival arrival : workload.arrivals()) {
                scheduler.schedule(() -> submit(arrival, http, producer, recorder, topics),
                        delayUntil(start.plus(arrival.at())), TimeUnit.NANOSECONDS);
            }
            Duration sampleEvery = Workload.divide(SAMPLE_EVERY, factor);
            for (Instant t = start.plus(workload.warmUp()).plus(sampleEvery); !t
                    .isAfter(start.plus(workload.arrivalsEnd())); t = t.plus(sampleEvery)) {
                Instant at = t;
                scheduler.schedule(() -> recorder.sampleBacklog(at), delayUntil(at), TimeUnit.NANOSECONDS);
            }
            Instant arrivalsEnd = start.plus(workload.arrivalsEnd());
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), arrivalsEnd).toMillis()));
            Instant drainEnd = arrivalsEnd.plus(workload.drainCap());
            while (Instant.now().isBefore(drainEnd)
                    && (recorder.submitted() < workload.arrivals().size() || !recorder.allDone())) {
                Thread.sleep(20);
            }
            return recorder.result("e2e", Strategy.TRACKER.label(), original, http.simulator().stats().total(),
                    http.simulator().stats().rateLimited(), tracker::isTracking, arrivalsEnd, factor,
                    (System.nanoTime() - wallStart) / 1_000_000);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static void submit(JobArrival arrival, HttpSimulator http, KafkaProducer<String, byte[]> producer,
            RunRecorder recorder, BenchTopics topics) {
        // A fresh id from the simulator: the workloads of every rate draw the same ids from the same seed, and one
        // service runs them in turn, so it would meet each id again (the real API never gives one twice).
        SimulatedJob job = http.simulator().create(arrival.spec().withJobId(null));
        recorder.submitted(job, arrival.measured());
        String value = "{\"job_id\":\"" + job.jobId() + "\",\"type\":\"" + job.type().wireName() + "\"}";
        producer.send(new ProducerRecord<>(topics.submitted(), job.jobId(), value.getBytes(StandardCharsets.UTF_8)));
    }

    private static long delayUntil(Instant at) {
        return Math.max(0, Duration.between(Instant.now(), at).toNanos());
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", "1",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
    }

    private static Map<String, String> environment(String bootstrap, BenchTopics topics, HttpSimulator http,
            double factor) {
        Map<String, String> env = new LinkedHashMap<>(TrackerDefaults.compressedEnvironment(factor));
        env.putAll(topics.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPIDERIQ_API_BASE_URL", http.baseUrl());
        env.put("SPIDERIQ_API_TOKEN", SimulatorSettings.DEFAULT_TOKEN);
        return env;
    }
}

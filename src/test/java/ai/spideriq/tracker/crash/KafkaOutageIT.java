package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.JobType;
import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatorRoutes;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The packaged service while its only broker is away for 60 s mid-run: readiness goes DOWN, comes back UP by itself
 * once the broker is back, and every job still gets its outcome. Prints the time to recover.
 */
class KafkaOutageIT {

    private static final List<String> OUTPUTS = List.of("spideriq.jobs.completed", "spideriq.jobs.failed",
            "spideriq.jobs.cancelled", "spideriq.jobs.submitted.dlq");

    @Test
    void readinessGoesDownWhileKafkaIsAwayAndNoJobIsLost() throws Exception {
        SpiderIqSimulator simulator = new SpiderIqSimulator(SimulatorSettings.builder()
                .rateLimit(new RateLimitSettings(100, Duration.ofSeconds(6), 20)).build(), InstantSource.system(),
                new SplittableRandom(13));
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        SimulatorRoutes.mount(router, simulator);
        int simulatorPort = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().join().actualPort();
        int httpPort = ChildKafka.freePort();
        try (ChildKafka kafka = new ChildKafka()) {
            kafka.start();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic("spideriq.jobs.submitted", 3, (short) 1)));
                OUTPUTS.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
                admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            }
            Process tracker = startTracker(kafka.bootstrap(), simulatorPort, httpPort);
            try {
                awaitReady(httpPort, 200);
                List<String> jobs = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    // Spread over the outage: some end before, most during, some after it.
                    jobs.add(simulator.create(JobSpec.of(i % 2 == 0 ? JobType.SPIDER_SITE : JobType.SPIDER_MAPS)
                            .withTimes(Duration.ZERO, Duration.ofMillis(500 + 2000L * i))).jobId());
                }
                submit(kafka.bootstrap(), jobs.subList(0, 20));

                kafka.stop();
                long stoppedAt = System.nanoTime();
                awaitReady(httpPort, 503);
                long downAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt);
                while (System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(60)) {
                    assertThat(tracker.isAlive()).as("the tracker outlives the outage").isTrue();
                    Thread.sleep(1000);
                }
                kafka.start();
                long backAt = System.nanoTime();
                awaitReady(httpPort, 200);
                double recovered = (System.nanoTime() - backAt) / 1e9;
                submit(kafka.bootstrap(), jobs.subList(20, 40));

                Set<String> ended = ConcurrentHashMap.newKeySet();
                try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrap())) {
                    await().atMost(Duration.ofSeconds(180)).until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                            ended.add(r.key());
                        }
                        return ended.containsAll(jobs);
                    });
                }
                System.out.printf("Kafka outage: readiness DOWN %d s after the broker stopped; UP %.1f s after it "
                        + "was back; all %d jobs published%n", downAfter, recovered, jobs.size());
                Files.writeString(Path.of("target", "kafka-outage.txt"), String.format(
                        "down_after_s=%d recovered_after_s=%.1f jobs=%d%n", downAfter, recovered, jobs.size()));
            } finally {
                tracker.destroy();
                tracker.waitFor();
            }
        } finally {
            vertx.close();
        }
    }

    private static Process startTracker(String bootstrap, int simulatorPort, int httpPort) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kafka-outage-tracker.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPIDERIQ_API_BASE_URL", "http://localhost:" + simulatorPort);
        env.put("SPIDERIQ_API_TOKEN", "sim-client:sim-key:sim-secret");
        env.put("SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "900");
        env.put("SPIDERIQ_POLL_INITIAL_DELAY", "300ms");
        env.put("SPIDERIQ_POLL_MAX_DELAY", "2s");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        return builder.start();
    }

    private static void awaitReady(int port, int status) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> http
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status);
    }

    private static void submit(String bootstrap, List<String> jobs) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            for (String job : jobs) {
                producer.send(new ProducerRecord<>("spideriq.jobs.submitted", job, job)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "outage-check", "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        consumer.subscribe(OUTPUTS.subList(0, 3));
        return consumer;
    }
}

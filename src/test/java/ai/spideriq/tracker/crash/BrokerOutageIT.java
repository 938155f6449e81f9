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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.Vertx;

/**
 * The packaged service while its only broker is away for 60 s mid-run, then back on the same port with its data:
 * readiness goes DOWN while the broker is away (liveness stays UP: a restart would not bring Kafka back), comes back
 * UP by itself, and every job gets exactly its outcome, once. Logs how long readiness took to notice and to recover.
 */
class BrokerOutageIT {

    private static final Logger LOG = Logger.getLogger(BrokerOutageIT.class);
    private static final String INPUT = "spideriq.jobs.submitted";
    private static final Map<SimulatedOutcome, String> TOPICS = Map.of(SimulatedOutcome.COMPLETED, "spideriq.jobs.completed",
            SimulatedOutcome.FAILED, "spideriq.jobs.failed", SimulatedOutcome.CANCELLED, "spideriq.jobs.cancelled");
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsDownWhileTheBrokerIsAwayAndUpByItselfAfterwardsAndNoJobIsLost() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ChildKafka kafka = new ChildKafka()) {
            kafka.start();
            try (KafkaCompanion admin = new KafkaCompanion(kafka.bootstrap())) {
                admin.topics().create(topics());
            }
            Map.Entry<SpiderIqSimulator, Integer> served = TrackerProcess.simulator(vertx, 17);
            SpiderIqSimulator simulator = served.getKey();
            int httpPort = ChildKafka.freePort();
            Process tracker = TrackerProcess.start("broker-outage", kafka.bootstrap(), INPUT, served.getValue(),
                    Map.of("QUARKUS_HTTP_PORT", Integer.toString(httpPort)));
            try {
                awaitReadiness(httpPort, 200, Duration.ofSeconds(60));
                Map<String, SimulatedOutcome> jobs = new LinkedHashMap<>();
                // Spread over the outage: a few end before it, most while the broker is away, some after it is back.
                for (int i = 0; i < 30; i++) {
                    SimulatedOutcome outcome = i % 10 == 3 ? SimulatedOutcome.FAILED
                            : i % 10 == 7 ? SimulatedOutcome.CANCELLED : SimulatedOutcome.COMPLETED;
                    jobs.put(create(simulator, i, outcome, Duration.ofMillis(1000 + 3000L * i)), outcome);
                }
                submit(kafka.bootstrap(), jobs.keySet());
                await().atMost(Duration.ofSeconds(60)).until(() -> metric(httpPort,
                        "spideriq_intake_submissions_total", "result=\"accepted\"") >= jobs.size());

                kafka.stop();
                long stoppedAt = System.nanoTime();
                Long downAfterMs = null;
                boolean gaugeSawIt = false;
                while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                    assertThat(tracker.isAlive()).as("the tracker outlives the outage").isTrue();
                    assertThat(status(httpPort, "/q/health/live")).as("liveness while Kafka is away").isEqualTo(200);
                    // Whatever the messaging channels' own checks say (a broker that closes its connections can
                    // make them DOWN too), ours must be DOWN, and with it readiness.
                    HttpResponse<String> ready = get(httpPort, "/q/health/ready");
                    if (downAfterMs == null && ready.statusCode() == 503
                            && check(ready, "kafka-broker").get("status").asText().equals("DOWN")) {
                        downAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
                    }
                    gaugeSawIt |= downAfterMs != null && metric(httpPort, "spideriq_kafka_reachable") == 0;
                    Thread.sleep(500);
                }
                assertThat(downAfterMs).as("readiness DOWN by kafka-broker while the broker was away").isNotNull();
                assertThat(gaugeSawIt).as("spideriq_kafka_reachable was 0 while the broker was away").isTrue();

                kafka.start();
                long backAt = System.nanoTime();
                awaitReadiness(httpPort, 200, Duration.ofSeconds(180));
                long recoveredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backAt);
                assertThat(check(get(httpPort, "/q/health/ready"), "kafka-broker").get("status").asText())
                        .isEqualTo("UP");
                assertThat(metric(httpPort, "spideriq_kafka_reachable")).isEqualTo(1);
                assertThat(status(httpPort, "/q/health/live")).isEqualTo(200);

                // Intake works again too.
                Map<String, SimulatedOutcome> after = new LinkedHashMap<>();
                for (int i = 0; i < 10; i++) {
                    after.put(create(simulator, 100 + i, SimulatedOutcome.COMPLETED, Duration.ofMillis(500)),
                            SimulatedOutcome.COMPLETED);
                }
                submit(kafka.bootstrap(), after.keySet());
                jobs.putAll(after);

                try (KafkaCompanion consumer = new KafkaCompanion(kafka.bootstrap())) {
                    TopicRecorder outcomes = TopicRecorder.of(consumer, TOPICS.values());
                    outcomes.awaitEach(jobs.keySet(), Duration.ofSeconds(240));
                    // Exactly once: no second outcome of any job shows up for a while after the last first one.
                    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                            .untilAsserted(() -> assertThat(jobs.keySet().stream()
                                    .filter(job -> outcomes.forKey(job).size() != 1).toList())
                                    .as("jobs without exactly one outcome; see target/broker-outage.log").isEmpty());
                    jobs.forEach((job, outcome) -> {
                        TopicRecorder.Seen seen = outcomes.forKey(job).get(0);
                        assertThat(seen.topic()).as(job).isEqualTo(TOPICS.get(outcome));
                        assertThat(seen.json().get("status").asText()).as(job).isEqualTo(outcome.wireName());
                    });
                }
                String line = String.format("Broker outage of %d s: readiness DOWN %.1f s after the broker stopped, UP "
                        + "%.1f s after it was back; %d jobs, each with exactly its outcome", OUTAGE.toSeconds(),
                        downAfterMs / 1000.0, recoveredAfterMs / 1000.0, jobs.size());
                LOG.info(line);
                Files.writeString(Path.of("target", "broker-outage.txt"), line + "\n");
            } finally {
                tracker.destroy();
                tracker.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close();
        }
    }

    private static String create(SpiderIqSimulator simulator, int i, SimulatedOutcome outcome, Duration processing) {
        return SimulatorJobs.create(simulator, i % 2 == 0 ? SimulatedJobType.SPIDER_SITE : SimulatedJobType.SPIDER_MAPS,
                outcome,
                processing);
    }

    /** The input (as many partitions as the shared broker's), the dead-letter and the outcome topics. */
    private static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic(INPUT, 3, (short) 1),
                new NewTopic("spideriq.jobs.submitted.dlq", 1, (short) 1)));
        TOPICS.values().forEach(topic -> topics.add(new NewTopic(topic, 1, (short) 1)));
        return topics;
    }

    /** Each job as its bare ID, keyed by it, with a producer of its own that is gone before the broker goes. */
    private static void submit(String bootstrap, Collection<String> jobs) {
        try (KafkaCompanion producer = new KafkaCompanion(bootstrap)) {
            producer.produceStrings().fromRecords(jobs.stream().map(job -> new ProducerRecord<>(INPUT, job, job))
                    .toList()).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private void awaitReadiness(int port, int status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> status(port, "/q/health/ready") == status);
    }

    private int status(int port, String path) throws Exception {
        return get(port, path).statusCode();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One named check of a health answer. */
    private static JsonNode check(HttpResponse<String> health, String name) {
        for (JsonNode check : json(health.body()).get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no readiness check named " + name);
    }

    /** The sum of the samples of one metric with these labels on /q/metrics; fails when there is none. */
    private double metric(int port, String name, String... labels) throws Exception {
        List<Double> samples = Metrics.samples(get(port, "/q/metrics").body(), name, labels);
        assertThat(samples).as(name + " on /q/metrics").isNotEmpty();
        return samples.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}

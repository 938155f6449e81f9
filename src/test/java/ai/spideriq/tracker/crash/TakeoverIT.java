package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobOutcome;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.JobType;
import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatorRoutes;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.Submitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The packaged service killed with SIGKILL and started again at once: the new instance polls the jobs in flight within
 * 15 s, because the dead instance's consumer session expires after 6 s, not the client default of 45 s.
 */
class TakeoverIT {

    private static final Logger LOG = Logger.getLogger(TakeoverIT.class);
    private static final String TOKEN = "sim-client:sim-key:sim-secret";
    private static Vertx vertx;
    private static SpiderIqSimulator simulator;
    private static int simulatorPort;

    @BeforeAll
    static void startSimulator() {
        simulator = new SpiderIqSimulator(SimulatorSettings.builder()
                .rateLimit(new RateLimitSettings(100, Duration.ofSeconds(6), 20)).build(),
                InstantSource.system(), new SplittableRandom(7));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        SimulatorRoutes.mount(router, simulator);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().join();
        simulatorPort = server.actualPort();
    }

    @AfterAll
    static void stopSimulator() {
        vertx.close();
    }

    @Test
    void afterAKillTheRestartedInstancePollsTheJobsInFlightWithinFifteenSeconds() throws Exception {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(simulator.create(JobSpec.of(JobType.SPIDER_SITE).withOutcome(JobOutcome.COMPLETED)
                    .withTimes(Duration.ZERO, Duration.ofMinutes(5))).jobId());
        }
        Process first = startTracker("first");
        jobs.forEach(job -> Submitter.submit(job, job));
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream()
                .allMatch(job -> !simulator.requestsFor(job).isEmpty()));

        first.destroyForcibly().waitFor();
        Instant killed = Instant.now();
        Process second = startTracker("second");
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> jobs.stream().anyMatch(job -> simulator
                    .requestsFor(job).stream().anyMatch(request -> request.time().isAfter(killed))));
            Instant resumed = jobs.stream().flatMap(job -> simulator.requestsFor(job).stream())
                    .map(request -> request.time()).filter(time -> time.isAfter(killed)).min(Instant::compareTo)
                    .orElseThrow();
            LOG.infof("Polling resumed %d ms after the kill", Duration.between(killed, resumed).toMillis());
            assertThat(Duration.between(killed, resumed)).isLessThan(Duration.ofSeconds(15));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process startTracker(String name) throws IOException {
        Path log = Path.of("target", "takeover-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
        env.put("SPIDERIQ_API_BASE_URL", "http://localhost:" + simulatorPort);
        env.put("SPIDERIQ_API_TOKEN", TOKEN);
        env.put("SPIDERIQ_KAFKA_CONSUMER_GROUP", "takeover");
        env.put("SPIDERIQ_POLL_INITIAL_DELAY", "300ms");
        env.put("SPIDERIQ_POLL_MAX_DELAY", "2s");
        env.put("SPIDERIQ_EVENTS_ENABLED", "false");
        env.put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(process.isAlive()).as("tracker %s exited; see %s", name, log).isTrue();
            return Files.readString(log).contains("Started") || Files.readString(log).contains("started in");
        });
        return process;
    }
}

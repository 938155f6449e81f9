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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SimulatorRoutes;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The packaged service, killed with SIGKILL in the middle of tracking and started again: no job is lost, jobs whose
 * outcome was out before the crash are not tracked again, and only jobs in flight at the crash may be published
 * twice. The broker and the simulator live in this JVM, so they outlive the service.
 */
class CrashRecoveryIT {

    private static final int JOBS = 60;
    private static final String TOKEN = "sim-client:sim-key:sim-secret";
    private static Vertx vertx;
    private static SpiderIqSimulator simulator;
    private static int simulatorPort;

    @BeforeAll
    static void startSimulator() {
        simulator = new SpiderIqSimulator(SimulatorSettings.builder()
                .rateLimit(new RateLimitSettings(100, Duration.ofSeconds(6), 20)).build(),
                InstantSource.system(), new SplittableRandom(11));
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
    void aKilledTrackerLosesNoJobAndRepublishesOnlyWhatWasInFlight() throws Exception {
        TopicRecorder topics = TopicRecorder.get();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobs.add(simulator.create(JobSpec.of(i % 2 == 0 ? SimulatedJobType.SPIDER_SITE : SimulatedJobType.SPIDER_MAPS)
                    .withOutcome(i % 10 == 0 ? SimulatedOutcome.FAILED : SimulatedOutcome.COMPLETED)
                    .withTimes(Duration.ZERO, Duration.ofMillis(1000 + 250L * i))).jobId());
        }

        Process first = startTracker("first");
        jobs.forEach(job -> Submitter.submit(job, job));
        await().atMost(Duration.ofSeconds(90)).until(() -> ended(topics, jobs).size() >= JOBS / 4);
        Set<String> endedBeforeCrash = ended(topics, jobs);
        // Long enough for those outcomes' tombstones to be written, so "ended" is really ended.
        Thread.sleep(1000);
        first.destroyForcibly().waitFor();
        assertThat(ended(topics, jobs)).hasSizeLessThan(JOBS);

        Instant restartedAt = Instant.now();
        Process second = startTracker("second");
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> ended(topics, jobs).size() == JOBS);
        } finally {
            second.destroy();
            second.waitFor();
        }

        Map<String, Integer> outcomes = jobs.stream()
                .collect(Collectors.toMap(job -> job, job -> topics.forKey(job).size()));
        assertThat(outcomes.values()).allMatch(count -> count >= 1);
        Set<String> duplicated = outcomes.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(duplicated).doesNotContainAnyElementsOf(endedBeforeCrash);
        assertThat(endedBeforeCrash).allSatisfy(job -> assertThat(simulator.requestsFor(job))
                .noneMatch(request -> request.time().isAfter(restartedAt)));
        assertThat(simulator.stats().rateLimited()).isZero();
    }

    private static Set<String> ended(TopicRecorder topics, List<String> jobs) {
        return jobs.stream().filter(job -> !topics.forKey(job).isEmpty()).collect(Collectors.toSet());
    }

    private static Process startTracker(String name) throws IOException {
        Path log = Path.of("target", "crash-recovery-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
        env.put("SPIDERIQ_API_BASE_URL", "http://localhost:" + simulatorPort);
        env.put("SPIDERIQ_API_TOKEN", TOKEN);
        env.put("SPIDERIQ_KAFKA_CONSUMER_GROUP", "crash-recovery");
        // Time compressed ten-fold, like the simulator's window.
        env.put("SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "900");
        env.put("SPIDERIQ_POLL_INITIAL_DELAY", "300ms");
        env.put("SPIDERIQ_POLL_MAX_DELAY", "2s");
        env.put("SPIDERIQ_ERROR_BACKOFF_INITIAL_DELAY", "200ms");
        env.put("SPIDERIQ_ERROR_BACKOFF_MAX_DELAY", "1s");
        env.put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(process.isAlive()).as("tracker %s exited; see %s", name, log).isTrue();
            return Files.readString(log).contains("Assigned partitions");
        });
        return process;
    }

}

package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SimulatorRoutes;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBroker;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.Topics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The packaged service as a child process on its own input topic, in-flight topic and group (so that these tests
 * never read each other's jobs), and a simulator in this JVM that outlives it.
 */
final class TrackerProcess {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String TOKEN = "sim-client:sim-key:sim-secret";

    private TrackerProcess() {
    }

    /** A simulator allowing 100 requests per 6 s, served on a free port of {@code vertx}; returns it with its port. */
    static Map.Entry<SpiderIqSimulator, Integer> simulator(Vertx vertx, long seed) {
        return simulator(vertx, seed, ServedSimulator.COMPRESSED);
    }

    static Map.Entry<SpiderIqSimulator, Integer> simulator(Vertx vertx, long seed, RateLimitSettings rateLimit) {
        SpiderIqSimulator simulator = new SpiderIqSimulator(SimulatorSettings.builder().rateLimit(rateLimit).build(),
                InstantSource.system(), new SplittableRandom(seed));
        Router router = Router.router(vertx);
        SimulatorRoutes.mount(router, simulator);
        int port = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .join().actualPort();
        return Map.entry(simulator, port);
    }

    /** The input topic of one test, with as many partitions as the shared one. */
    static void createInput(String topic) {
        Topics.create(topic, KafkaBroker.SUBMITTED_PARTITIONS, Map.of());
    }

    /** The in-flight topic of the instances {@link #start started} on {@code input}. */
    static String inFlightTopic(String input) {
        return input + ".in-flight";
    }

    /** The packaged service as a command, its output to {@code log}; the caller sets its environment. */
    static ProcessBuilder jar(Path log) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /** Starts the jar reading {@code input}; returns once it owns partitions. */
    static Process start(String name, String input, int simulatorPort) throws IOException {
        return start(name, input, simulatorPort, Map.of());
    }

    /** As {@link #start(String, String, int)}, with environment variables of the test's own. */
    static Process start(String name, String input, int simulatorPort, Map<String, String> overrides)
            throws IOException {
        return start(name, KafkaBroker.bootstrapServers(), input, simulatorPort, overrides);
    }

    /** As {@link #start(String, String, int, Map)}, on the brokers at {@code bootstrap} instead of the shared one. */
    static Process start(String name, String bootstrap, String input, int simulatorPort,
            Map<String, String> overrides) throws IOException {
        Process process = launch(name, bootstrap, input, simulatorPort, overrides);
        awaitAssigned(name, process);
        return process;
    }

    /** Returns once the replica started as {@code name} owns partitions. */
    static void awaitAssigned(String name, Process process) {
        Path log = Path.of("target", name + ".log");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(process.isAlive()).as("tracker %s exited; see %s", name, log).isTrue();
            return Files.readString(log).contains("Assigned partitions");
        });
    }

    /** As {@link #start(String, String, String, int, Map)}, returning at once. */
    static Process launch(String name, String bootstrap, String input, int simulatorPort,
            Map<String, String> overrides) throws IOException {
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = jar(log);
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPIDERIQ_API_BASE_URL", "http://localhost:" + simulatorPort);
        env.put("SPIDERIQ_API_TOKEN", TOKEN);
        env.put("SPIDERIQ_TOPICS_SUBMITTED", input);
        env.put("SPIDERIQ_TOPICS_IN_FLIGHT", inFlightTopic(input));
        env.put("SPIDERIQ_TOPICS_HINTS", input + ".hints");
        env.put("SPIDERIQ_KAFKA_CONSUMER_GROUP", input);
        env.put("SPIDERIQ_POLL_INITIAL_DELAY", "300ms");
        env.put("SPIDERIQ_POLL_MAX_DELAY", "2s");
        env.put("SPIDERIQ_EVENTS_ENABLED", "false");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.putAll(overrides);
        return builder.start();
    }

    /** Where the replica started as {@code name} serves HTTP, once its log says so. */
    static Optional<String> baseUrl(String name) throws IOException {
        Matcher port = LISTENING.matcher(log(name));
        return port.find() ? Optional.of("http://localhost:" + port.group(1)) : Optional.empty();
    }

    /** The replica's /q/metrics in the classic text format. */
    static String scrape(String name) throws IOException, InterruptedException {
        String base = baseUrl(name).orElseThrow(() -> new IllegalStateException(name + " is not listening yet"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).header("Accept", "text/plain")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of an untagged (or single-series) gauge on the replica's /q/metrics; 0 until it listens. */
    static double gauge(String name, String metric) throws IOException, InterruptedException {
        return baseUrl(name).isEmpty() ? 0 : Metrics.sumIn(scrape(name), metric);
    }

    /** The HTTP status the replica answers on {@code path}. */
    static int status(String name, String path) throws IOException, InterruptedException {
        String base = baseUrl(name).orElseThrow(() -> new IllegalStateException(name + " is not listening yet"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String log(String name) throws IOException {
        return Files.readString(Path.of("target", name + ".log"));
    }
}

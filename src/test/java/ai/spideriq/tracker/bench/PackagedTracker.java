package ai.spideriq.tracker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as it ships, {@code target/quarkus-app/quarkus-run.jar}, in a child JVM configured by environment
 * variables, its output in a log file. Ready once its consumer has partitions assigned.
 */
final class PackagedTracker implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    private PackagedTracker(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static PackagedTracker start(Map<String, String> environment, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the benchmark after 'package' (-Pbench verify)");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();
        // Should the benchmark die on the way (Ctrl-C, an exception), the service must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        PackagedTracker tracker = new PackagedTracker(process, log);
        tracker.awaitReady();
        return tracker;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged tracker exited; see " + log);
            }
            String text = Files.readString(log);
            Matcher listening = LISTENING.matcher(text);
            if (listening.find() && text.contains("Assigned partitions")) {
                port = Integer.parseInt(listening.group(1));
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("the packaged tracker did not get its partitions in " + START_TIMEOUT
                + "; see " + log);
    }

    /** Whether the service still tracks {@code jobId} ({@code GET /jobs/{id}} answers 200). */
    boolean isTracking(String jobId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/jobs/" + jobId))
                    .timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

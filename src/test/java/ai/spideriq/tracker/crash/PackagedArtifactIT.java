package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packaged service is the tracker only: nothing compiled from {@code src/local} (the simulator, the dev-mode broker
 * and demo feeder, the example payloads) is in {@code target/quarkus-app}, and asking for the simulator in production
 * serves nothing.
 */
class PackagedArtifactIT {

    private static final Path LOCAL_CLASSES = Path.of("target", "local-classes");
    private static final Path PACKAGED = Path.of("target", "quarkus-app");

    @Test
    void packagedServiceHoldsNothingOfTheLocalRun() throws IOException {
        Set<String> localEntries = entriesUnder(LOCAL_CLASSES);
        assertThat(localEntries).as("what src/local compiles to").contains(
                "ai/spideriq/tracker/simulator/SpiderIqSimulator.class",
                "ai/spideriq/tracker/local/EmbeddedKafkaStarter.class",
                "spideriq/examples/site-full-champ.json");

        Set<String> packaged = new HashSet<>(entriesUnder(PACKAGED));
        try (Stream<Path> files = Files.walk(PACKAGED)) {
            files.filter(file -> file.toString().endsWith(".jar")).forEach(jar -> packaged.addAll(jarEntries(jar)));
        }

        assertThat(packaged).as("entries of target/quarkus-app and its jars").isNotEmpty()
                .doesNotContainAnyElementsOf(localEntries)
                .noneMatch(entry -> entry.startsWith("ai/spideriq/tracker/simulator/")
                        || entry.startsWith("ai/spideriq/tracker/local/"));
    }

    @Test
    void simulatorCannotBeSwitchedOnInProduction() throws Exception {
        String input = "packaged-artifact-" + System.nanoTime();
        TrackerProcess.createInput(input);
        Process tracker = TrackerProcess.start(input, input, 1, Map.of("SIMULATOR_ENABLED", "true"));
        try {
            // The HTTP server may start listening after the partitions are assigned.
            String base = await().atMost(Duration.ofSeconds(60))
                    .until(() -> TrackerProcess.baseUrl(input), Optional::isPresent).orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/simulator/stats", "/api/v1/jobs/list")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("GET %s on the packaged service", path).isEqualTo(404);
            }
        } finally {
            tracker.destroyForcibly().waitFor();
        }
    }

    private static Set<String> entriesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .collect(HashSet::new, Set::add, Set::addAll);
        }
    }

    private static List<String> jarEntries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(entry -> entry.getName()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

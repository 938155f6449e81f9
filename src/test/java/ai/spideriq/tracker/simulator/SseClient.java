package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads the simulator's event stream over HTTP as raw SSE text, line by line, for the route tests. */
final class SseClient {

    static final String END = "<end of stream>";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SseClient() {
    }

    /** Opens {@code /api/v1/events/stream?token=...} on {@code port}; returns once the headers arrived. */
    static HttpResponse<InputStream> open(int port, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/events/stream?token=" + token))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads the body line by line on a daemon thread; {@link #END} once the server ends it. */
    static BlockingQueue<String> readLines(InputStream body) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception e) {
                lines.add("<" + e + ">");
            }
            lines.add(END);
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Skips lines up to {@code marker}; returns the rest of its frame (up to and including the blank line). */
    static List<String> frameAfter(BlockingQueue<String> lines, String marker) throws InterruptedException {
        return frameAfter(lines, marker, new ArrayList<>());
    }

    /** The same, adding every skipped line to {@code skipped}. */
    static List<String> frameAfter(BlockingQueue<String> lines, String marker, List<String> skipped)
            throws InterruptedException {
        String line;
        while (true) {
            line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("waiting for " + marker + " after " + skipped).isNotNull();
            assertThat(line.equals(END) && !marker.equals(END)).as("stream ended before " + marker).isFalse();
            if (line.equals(marker)) {
                break;
            }
            skipped.add(line);
        }
        List<String> frame = new ArrayList<>();
        while (!marker.equals(END) && !line.isEmpty()) {
            line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("rest of the frame after " + marker).isNotNull();
            frame.add(line);
        }
        return frame;
    }

    /** Asserts that no line arrives within {@code wait} (a bounded look, not a timing claim). */
    static void assertNothingWithin(BlockingQueue<String> lines, Duration wait) throws InterruptedException {
        assertThat(lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS)).as("a line the stream should not send")
                .isNull();
    }
}

package ai.spideriq.tracker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The docs' example answers of {@code /results} ({@code src/local/resources/spideriq/examples}), as the API sends
 * them, and a mapper configured as Quarkus configures the application's.
 */
public final class DocsExamples {

    /** JSR-310 and JDK 8 modules, ISO dates and durations, unknown properties ignored: Quarkus's defaults. */
    public static final ObjectMapper QUARKUS_MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DocsExamples() {
    }

    /** The example's bytes, exactly as on the class path. */
    public static byte[] bytes(String name) {
        String resource = "/spideriq/examples/" + name + ".json";
        try (InputStream in = DocsExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}

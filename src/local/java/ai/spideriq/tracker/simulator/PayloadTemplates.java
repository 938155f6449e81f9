package ai.spideriq.tracker.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The docs' example bodies ({@code spideriq/examples/*.json} on the class path), loaded once, handed out as copies. */
final class PayloadTemplates {

    static final String PROCESSING = "processing-202";
    static final String PROCESSING_SHORT = "processing-202-short";
    static final String FAILED = "failed-410";
    static final String CANCELLED = "cancelled-410";

    private static final List<String> NAMES = List.of("site-minimal", "site-with-ai", "site-full-champ",
            "site-newer-variant", "maps", "maps-newer-variant", PROCESSING, PROCESSING_SHORT, FAILED, CANCELLED);

    private final Map<String, ObjectNode> templates = new HashMap<>();

    PayloadTemplates(ObjectMapper mapper) {
        for (String name : NAMES) {
            templates.put(name, load(mapper, name));
        }
    }

    /** A fresh, modifiable copy of the example {@code name}. */
    ObjectNode copyOf(String name) {
        ObjectNode template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No example payload named " + name);
        }
        return template.deepCopy();
    }

    private static ObjectNode load(ObjectMapper mapper, String name) {
        String resource = "/spideriq/examples/" + name + ".json";
        try (InputStream in = PayloadTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class path resource " + resource);
            }
            JsonNode node = mapper.readTree(in);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}

package ai.spideriq.tracker.outcome;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.spideriq.tracker.TrackerConfig;

/**
 * Turns an outcome into the bytes of its record, whole when it fits the outcome topics once compressed, else as the
 * explicit partial outcome: the largest {@code data} fields set to null until it fits, and a {@code partial} object
 * that names them and says where the whole results are.
 */
@ApplicationScoped
public class OutcomeEncoder {

    /** Batch header and record framing, on top of the value and headers. */
    private static final int FRAMING_BYTES = 512;

    private final ObjectMapper mapper;
    private final String codec;
    private final int maxRecordBytes;
    private final int maxUncompressedBytes;
    private final String resultsUrl;

    @Inject
    public OutcomeEncoder(ObjectMapper mapper, TrackerConfig config) {
        this(mapper, config.outcomes().compression(), config.outcomes().maxRecordBytes(),
                config.outcomes().maxUncompressedBytes(), config.api().baseUrl().toString());
    }

    OutcomeEncoder(ObjectMapper mapper, String codec, int maxRecordBytes, int maxUncompressedBytes, String baseUrl) {
        this.mapper = mapper;
        this.codec = codec;
        this.maxRecordBytes = maxRecordBytes;
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.resultsUrl = baseUrl.replaceAll("/+$", "") + "/api/v1/jobs/%s/results";
    }

    /**
     * @param value the record's value
     * @param omitted the fields left out (JSON paths such as {@code data.markdown_compendium}); empty when whole
     * @param wholeBytes the size of the whole outcome's JSON
     */
    public record Encoded(byte[] value, List<String> omitted, int wholeBytes) {
        public boolean partial() {
            return !omitted.isEmpty();
        }
    }

    public Encoded encode(JobOutcome outcome, int headerBytes) {
        byte[] whole = write(outcome);
        if (fits(whole, headerBytes)) {
            return new Encoded(whole, List.of(), whole.length);
        }
        ObjectNode tree = mapper.valueToTree(outcome);
        List<String> omitted = new ArrayList<>();
        if (tree.get("data") instanceof ObjectNode data) {
            for (String field : largestFirst(data)) {
                data.putNull(field);
                omitted.add("data." + field);
                byte[] value = write(withPartial(tree, outcome, omitted, whole.length));
                if (fits(value, headerBytes)) {
                    return new Encoded(value, List.copyOf(omitted), whole.length);
                }
            }
        }
        return withoutData(outcome, whole.length);
    }

    /** The outcome with no {@code data} at all: the last resort, when even the partial one is refused. */
    public Encoded withoutData(JobOutcome outcome, int wholeBytes) {
        ObjectNode tree = mapper.valueToTree(outcome);
        tree.putNull("data");
        List<String> omitted = List.of("data");
        return new Encoded(write(withPartial(tree, outcome, omitted, wholeBytes)), omitted, wholeBytes);
    }

    private ObjectNode withPartial(ObjectNode tree, JobOutcome outcome, List<String> omitted, int wholeBytes) {
        ObjectNode partial = tree.putObject("partial");
        partial.put("reason", "record_too_large");
        partial.put("whole_size_bytes", wholeBytes);
        partial.putArray("omitted_fields").addAll(omitted.stream().map(tree::textNode).toList());
        partial.put("results_url", String.format(resultsUrl, outcome.jobId()));
        partial.put("how_to_fetch", "GET results_url with the account's API token (valid while SpiderIQ keeps the "
                + "results; a compendium over 10 MB comes as a fresh presigned link on each call)");
        return tree;
    }

    private boolean fits(byte[] value, int headerBytes) {
        int budget = maxRecordBytes - headerBytes - FRAMING_BYTES;
        if (value.length > maxUncompressedBytes - headerBytes - FRAMING_BYTES) {
            return false;
        }
        // Small values fit whatever the codec does; only large ones are worth compressing here.
        return value.length <= budget || CompressedSize.of(codec, value) <= budget;
    }

    private List<String> largestFirst(ObjectNode data) {
        List<Map.Entry<String, Integer>> sizes = new ArrayList<>();
        data.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                sizes.add(Map.entry(e.getKey(), write(e.getValue()).length));
            }
        });
        sizes.sort(Map.Entry.<String, Integer> comparingByValue(Comparator.reverseOrder()));
        return sizes.stream().map(Map.Entry::getKey).toList();
    }

    private byte[] write(Object value) {
        try {
            return value instanceof JsonNode node ? mapper.writeValueAsBytes(node) : mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an outcome as JSON", e);
        }
    }

    static int headerBytes(Map<String, String> headers) {
        return headers.entrySet().stream()
                .mapToInt(h -> h.getKey().length() + h.getValue().getBytes(StandardCharsets.UTF_8).length + 8).sum();
    }
}

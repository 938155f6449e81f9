package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A phone number: a plain string (v2.7.1) or an object with raw, e164, national and more (newer versions).
 *
 * <p>Backed by the JSON it came from, so it is written back in exactly the shape the API sent.
 */
public record Phone(JsonNode json) {

    private static final Set<String> KNOWN = Set.of("raw", "e164", "national");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Phone {
        Objects.requireNonNull(json, "json");
        if (!json.isTextual() && !json.isObject()) {
            throw new IllegalArgumentException("phone must be a string or an object, got " + json.getNodeType());
        }
        json = json.deepCopy();
    }

    /** A phone in the v2.7.1 string form. */
    public static Phone of(String raw) {
        return new Phone(TextNode.valueOf(raw));
    }

    @JsonValue
    @Override
    public JsonNode json() {
        return json;
    }

    /** True for the object form of newer API versions. */
    public boolean isStructured() {
        return json.isObject();
    }

    /** The number as found on the site: the string itself, or the object's {@code raw}. */
    public String raw() {
        return json.isTextual() ? json.textValue() : text("raw");
    }

    /** E.164 form; only the object form carries it. */
    public String e164() {
        return text("e164");
    }

    /** National form; only the object form carries it. */
    public String national() {
        return text("national");
    }

    /** Object fields other than raw, e164 and national (empty for the string form). */
    public Map<String, JsonNode> extras() {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        json.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        });
        return Extras.copy(extras);
    }

    private String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

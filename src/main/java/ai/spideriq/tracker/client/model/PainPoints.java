package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AI-identified pain points: a list of strings (v2.7.1) or an object, typically with an {@code items} array (newer).
 *
 * <p>Backed by the JSON it came from, so it is written back in exactly the shape the API sent.
 */
public record PainPoints(JsonNode json) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PainPoints {
        Objects.requireNonNull(json, "json");
        if (!json.isArray() && !json.isObject()) {
            throw new IllegalArgumentException("pain_points must be an array or an object, got " + json.getNodeType());
        }
        json = json.deepCopy();
    }

    /** Pain points in the v2.7.1 list form. */
    public static PainPoints of(List<String> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return new PainPoints(array);
    }

    @JsonValue
    @Override
    public JsonNode json() {
        return json;
    }

    /** True for the v2.7.1 list form. */
    public boolean isList() {
        return json.isArray();
    }

    /** The pain points: the list itself, or the object's {@code items} array (empty if it has none). */
    public List<String> items() {
        JsonNode array = json.isArray() ? json : json.get("items");
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isNull()) {
                items.add(item.isTextual() ? item.textValue() : item.toString());
            }
        }
        return Collections.unmodifiableList(items);
    }

    /** Object fields other than {@code items} (empty for the list form). */
    public Map<String, JsonNode> extras() {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        json.properties().forEach(e -> {
            if (!"items".equals(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        });
        return Extras.copy(extras);
    }
}

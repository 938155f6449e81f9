package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/** The {@code data} of a job whose type is absent or unknown, kept as raw JSON and written back unchanged. */
public record UnknownJobData(JsonNode json) implements JobData {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UnknownJobData {
        json = Objects.requireNonNull(json, "json").deepCopy();
    }

    @JsonValue
    @Override
    public JsonNode json() {
        return json;
    }
}

package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** Latitude and longitude of a business. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Coordinates(
        Double latitude,
        Double longitude,
        @JsonExtras Map<String, JsonNode> extras) {

    public Coordinates {
        extras = Extras.copy(extras);
    }
}

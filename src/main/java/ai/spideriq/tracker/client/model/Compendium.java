package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** Size and storage of a site's markdown compendium. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Compendium(
        Integer chars,
        Boolean available,
        String cleanupLevel,
        String storageLocation,
        @JsonExtras Map<String, JsonNode> extras) {

    public Compendium {
        extras = Extras.copy(extras);
    }
}

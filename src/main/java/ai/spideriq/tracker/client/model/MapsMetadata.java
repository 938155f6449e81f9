package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** Settings of a spiderMaps search. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MapsMetadata(
        Integer maxResults,
        Boolean extractReviews,
        Boolean extractPhotos,
        String language,
        @JsonExtras Map<String, JsonNode> extras) {

    public MapsMetadata {
        extras = Extras.copy(extras);
    }
}

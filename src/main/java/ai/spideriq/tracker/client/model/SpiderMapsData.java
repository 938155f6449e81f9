package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** The {@code data} of a spiderMaps job: the businesses found for a search query. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpiderMapsData(
        String query,
        Integer resultsCount,
        List<Business> businesses,
        MapsMetadata metadata,
        @JsonExtras Map<String, JsonNode> extras) implements JobData {

    public SpiderMapsData {
        extras = Extras.copy(extras);
    }
}

package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** A Google Maps business listing found by spiderMaps. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Business(
        String name,
        String placeId,
        Double rating,
        Integer reviewsCount,
        String address,
        String phone,
        String website,
        List<String> categories,
        Coordinates coordinates,
        String link,
        String businessStatus,
        String priceRange,
        Map<String, String> workingHours,
        @JsonExtras Map<String, JsonNode> extras) {

    public Business {
        extras = Extras.copy(extras);
    }
}

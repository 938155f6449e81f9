package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** AI lead scoring against the caller's ICP. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeadScoring(
        Double icpFitScore,
        ChampAnalysis champAnalysis,
        @JsonExtras Map<String, JsonNode> extras) {

    public LeadScoring {
        extras = Extras.copy(extras);
    }
}

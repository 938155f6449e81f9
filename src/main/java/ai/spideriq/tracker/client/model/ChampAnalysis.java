package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** CHAMP framework breakdown (challenges, authority, money, prioritization) of a lead. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChampAnalysis(
        List<String> challenges,
        String authority,
        String money,
        String prioritization,
        @JsonExtras Map<String, JsonNode> extras) {

    public ChampAnalysis {
        extras = Extras.copy(extras);
    }
}

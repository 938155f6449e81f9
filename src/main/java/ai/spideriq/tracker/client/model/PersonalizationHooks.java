package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** AI-generated hooks for personalising outreach to a lead. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonalizationHooks(
        String companyName,
        String decisionMaker,
        String keyChallenge,
        String urgencySignal,
        String personalizationAngle,
        @JsonExtras Map<String, JsonNode> extras) {

    public PersonalizationHooks {
        extras = Extras.copy(extras);
    }
}

package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** A person found on a crawled site by AI team extraction. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TeamMember(
        String name,
        String title,
        String email,
        String linkedin,
        @JsonExtras Map<String, JsonNode> extras) {

    public TeamMember {
        extras = Extras.copy(extras);
    }
}

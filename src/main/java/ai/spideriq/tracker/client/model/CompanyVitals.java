package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** Company profile extracted by AI from a crawled site. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompanyVitals(
        String name,
        String summary,
        String industry,
        List<String> services,
        String targetAudience,
        @JsonExtras Map<String, JsonNode> extras) {

    public CompanyVitals {
        extras = Extras.copy(extras);
    }
}

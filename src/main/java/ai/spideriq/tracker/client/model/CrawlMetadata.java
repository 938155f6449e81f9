package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** Statistics and settings of a spiderSite crawl. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CrawlMetadata(
        Boolean spaEnabled,
        Boolean sitemapUsed,
        Boolean browserRenderingAvailable,
        String crawlStrategy,
        Integer totalEmailsFound,
        Integer totalPhonesFound,
        @JsonExtras Map<String, JsonNode> extras) {

    public CrawlMetadata {
        extras = Extras.copy(extras);
    }
}

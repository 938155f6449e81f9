package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** The {@code data} of a spiderSite job: contacts, socials and AI insights of a crawled website. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpiderSiteData(
        String url,
        Integer pagesCrawled,
        String crawlStatus,
        List<String> emails,
        List<Phone> phones,
        List<String> addresses,
        String linkedin,
        String twitter,
        String facebook,
        String instagram,
        String youtube,
        String github,
        String tiktok,
        String pinterest,
        String medium,
        String discord,
        String whatsapp,
        String telegram,
        String snapchat,
        String reddit,
        String markdownCompendium,
        Compendium compendium,
        CompanyVitals companyVitals,
        PainPoints painPoints,
        List<TeamMember> teamMembers,
        LeadScoring leadScoring,
        PersonalizationHooks personalizationHooks,
        CrawlMetadata metadata,
        @JsonExtras Map<String, JsonNode> extras) implements JobData {

    public SpiderSiteData {
        extras = Extras.copy(extras);
    }
}

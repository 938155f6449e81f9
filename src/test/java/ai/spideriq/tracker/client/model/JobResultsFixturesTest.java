package ai.spideriq.tracker.client.model;

import static ai.spideriq.tracker.client.model.Fixtures.results;
import static ai.spideriq.tracker.client.model.Fixtures.rewritten;
import static ai.spideriq.tracker.client.model.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;

class JobResultsFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"site-minimal.json", "site-with-ai.json", "site-full-champ.json", "maps.json",
            "processing-202.json", "processing-202-short.json", "failed-410.json", "cancelled-410.json",
            "not-found-404.json"})
    void writesEveryDocsExampleBackUnchanged(String fixture) {
        assertThat(rewritten(results(fixture))).isEqualTo(tree(fixture));
    }

    @Test
    void writesNewerSiteVariantBackUnchangedExceptForTheZoneAddedToCompletedAt() {
        JsonNode rewritten = rewritten(results("site-newer-variant.json"));

        assertThat(rewritten.get("completed_at").textValue()).isEqualTo("2026-01-18T12:31:37.073080Z");
        ObjectNode expected = (ObjectNode) tree("site-newer-variant.json");
        expected.put("completed_at", "2026-01-18T12:31:37.073080Z");
        assertThat(rewritten).isEqualTo(expected);
    }

    @Test
    void writesNewerMapsVariantBackUnchangedExceptForTheZoneAddedToCompletedAt() {
        JsonNode rewritten = rewritten(results("maps-newer-variant.json"));

        assertThat(rewritten.get("completed_at").textValue()).isEqualTo("2026-01-18T12:45:10.500Z");
        ObjectNode expected = (ObjectNode) tree("maps-newer-variant.json");
        expected.put("completed_at", "2026-01-18T12:45:10.500Z");
        assertThat(rewritten).isEqualTo(expected);
    }

    @Test
    void readsMinimalSiteResult() {
        JobResults results = results("site-minimal.json");

        assertThat(results.success()).isTrue();
        assertThat(results.jobId()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(results.type()).isEqualTo(JobType.SPIDER_SITE);
        assertThat(results.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(results.processingTimeSeconds()).isEqualTo(12.4);
        assertThat(results.workerId()).isEqualTo("spider-site-main-1");
        assertThat(results.completedAt()).isEqualTo(Instant.parse("2025-10-27T14:30:15Z"));
        assertThat(results.message()).isNull();
        assertThat(results.errorMessage()).isNull();
        assertThat(results.extras()).isEmpty();
        assertThat(results.omitted()).isEmpty();

        SpiderSiteData data = results.dataAs(SpiderSiteData.class).orElseThrow();
        assertThat(data.url()).isEqualTo("https://example.com");
        assertThat(data.pagesCrawled()).isEqualTo(5);
        assertThat(data.crawlStatus()).isEqualTo("success");
        assertThat(data.emails()).containsExactly("contact@example.com", "sales@example.com");
        assertThat(data.phones()).extracting(Phone::raw).containsExactly("+1-555-123-4567");
        assertThat(data.addresses()).containsExactly("123 Main St, San Francisco, CA 94105");
        assertThat(data.linkedin()).isEqualTo("https://linkedin.com/company/example");
        assertThat(data.github()).isEqualTo("https://github.com/example");
        assertThat(data.instagram()).isNull();
        assertThat(data.reddit()).isNull();
        assertThat(data.markdownCompendium()).startsWith("# Example Company");
        assertThat(data.compendium()).isEqualTo(new Compendium(8450, true, "fit", "inline", Map.of()));
        assertThat(data.companyVitals()).isNull();
        assertThat(data.painPoints()).isNull();
        assertThat(data.leadScoring()).isNull();
        assertThat(data.teamMembers()).isEmpty();
        assertThat(data.personalizationHooks()).isNull();
        assertThat(data.metadata()).isEqualTo(new CrawlMetadata(true, true, true, "sitemap", 2, 1, Map.of()));
        assertThat(data.extras()).isEmpty();
    }

    @Test
    void readsAiFeaturesOfSiteResult() {
        SpiderSiteData data = results("site-with-ai.json").dataAs(SpiderSiteData.class).orElseThrow();

        assertThat(data.companyVitals().name()).isEqualTo("TechStart Solutions");
        assertThat(data.companyVitals().industry()).isEqualTo("B2B SaaS");
        assertThat(data.companyVitals().services())
                .containsExactly("AI Chatbots", "Support Ticket Automation", "Customer Analytics");
        assertThat(data.companyVitals().targetAudience()).startsWith("Mid-market SaaS");
        assertThat(data.painPoints().isList()).isTrue();
        assertThat(data.painPoints().items()).hasSize(2).first().isEqualTo(
                "Struggling to scale customer support operations");
        assertThat(data.teamMembers()).containsExactly(
                new TeamMember("Sarah Johnson", "CEO & Founder", "sarah@techstart.com",
                        "https://linkedin.com/in/sarahjohnson", Map.of()),
                new TeamMember("Mike Chen", "VP of Sales", "mike@techstart.com",
                        "https://linkedin.com/in/mikechen", Map.of()));
        assertThat(data.leadScoring()).isNull();
        assertThat(data.medium()).isEqualTo("https://medium.com/@techstart");
    }

    @Test
    void readsChampLeadScoringAndPersonalizationHooks() {
        SpiderSiteData data = results("site-full-champ.json").dataAs(SpiderSiteData.class).orElseThrow();

        assertThat(data.leadScoring().icpFitScore()).isEqualTo(0.85);
        ChampAnalysis champ = data.leadScoring().champAnalysis();
        assertThat(champ.challenges()).containsExactly(
                "Manual ticket triage consuming 40% of support team time",
                "Customer complaints about slow response times increasing CSAT risk");
        assertThat(champ.authority()).isEqualTo(
                "VP of Customer Success (Mike Chen) leads vendor selection, CEO approval required for deals >$50k");
        assertThat(champ.money()).startsWith("Series B funded");
        assertThat(champ.prioritization()).startsWith("High - support automation");
        PersonalizationHooks hooks = data.personalizationHooks();
        assertThat(hooks.companyName()).isEqualTo("TechStart Solutions");
        assertThat(hooks.decisionMaker()).isEqualTo("Mike Chen (VP of Customer Success)");
        assertThat(hooks.keyChallenge()).isEqualTo("Manual ticket triage consuming 40% of support team time");
        assertThat(hooks.urgencySignal()).isEqualTo("Q1 2025 initiative mentioned in recent blog");
        assertThat(hooks.personalizationAngle()).startsWith("Show how automation");
        assertThat(data.painPoints().items()).hasSize(3);
    }

    @Test
    void readsMapsBusinesses() {
        JobResults results = results("maps.json");

        assertThat(results.type()).isEqualTo(JobType.SPIDER_MAPS);
        SpiderMapsData data = results.dataAs(SpiderMapsData.class).orElseThrow();
        assertThat(data.query()).isEqualTo("italian restaurants in Boston");
        assertThat(data.resultsCount()).isEqualTo(20);
        assertThat(data.metadata()).isEqualTo(new MapsMetadata(20, true, false, "en", Map.of()));
        Business business = data.businesses().get(0);
        assertThat(business.name()).isEqualTo("Mamma Maria");
        assertThat(business.placeId()).isEqualTo("0x89e3709876543210:0xabcdef1234567890");
        assertThat(business.rating()).isEqualTo(4.6);
        assertThat(business.reviewsCount()).isEqualTo(823);
        assertThat(business.phone()).isEqualTo("+1-617-523-9077");
        assertThat(business.categories()).containsExactly("Italian restaurant", "Fine dining");
        assertThat(business.coordinates()).isEqualTo(new Coordinates(42.3647, -71.0542, Map.of()));
        assertThat(business.businessStatus()).isEqualTo("OPERATIONAL");
        assertThat(business.priceRange()).isEqualTo("$$$");
        assertThat(business.workingHours()).hasSize(7)
                .containsEntry("Monday", "5:00-10:00 PM")
                .containsEntry("Saturday", "5:00-11:00 PM");
        assertThat(business.extras()).isEmpty();
    }

    @Test
    void readsProcessingBodyWithoutData() {
        JobResults results = results("processing-202.json");

        assertThat(results.success()).isFalse();
        assertThat(results.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(results.status().isTerminal()).isFalse();
        assertThat(results.message()).startsWith("Job is still being processed");
        assertThat(results.processingTimeSeconds()).isNull();
        assertThat(results.completedAt()).isNull();
        assertThat(results.data()).isNull();
        assertThat(results.omitted()).isEmpty();
    }

    @Test
    void readsShortProcessingBodyAndRemembersWhichFieldsWereAbsent() {
        JobResults results = results("processing-202-short.json");

        assertThat(results.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(results.jobId()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(results.message()).isEqualTo("Job is queued");
        assertThat(results.type()).isNull();
        assertThat(results.omitted()).containsExactlyInAnyOrder("type", "processing_time_seconds", "worker_id",
                "completed_at", "data", "error_message");
        assertThat(rewritten(results).has("type")).isFalse();
    }

    @Test
    void readsFailedBodyWithErrorMessage() {
        JobResults results = results("failed-410.json");

        assertThat(results.status()).isEqualTo(JobStatus.FAILED);
        assertThat(results.status().isTerminal()).isTrue();
        assertThat(results.errorMessage()).isEqualTo("Failed to connect to target URL: Connection timeout after 30s");
        assertThat(results.processingTimeSeconds()).isEqualTo(5.2);
        assertThat(results.completedAt()).isEqualTo(Instant.parse("2025-10-27T14:50:00Z"));
        assertThat(results.data()).isNull();
    }

    @Test
    void readsCancelledBody() {
        JobResults results = results("cancelled-410.json");

        assertThat(results.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(results.status().isTerminal()).isTrue();
        assertThat(results.message()).isEqualTo("Job was cancelled by user");
    }

    @Test
    void readsNotFoundBodyAsDetailExtra() {
        JobResults results = results("not-found-404.json");

        assertThat(results.status()).isNull();
        assertThat(results.omitted()).hasSize(10);
        assertThat(results.extras().get("detail").textValue()).isEqualTo("Job not found");
    }
}

package ai.spideriq.tracker.client.model;

import static ai.spideriq.tracker.client.model.Fixtures.results;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;

class NewerApiVersionsTest {

    @Test
    void keepsFieldsAddedByNewerApiVersions() {
        JobResults results = results("site-newer-variant.json");
        SpiderSiteData data = results.dataAs(SpiderSiteData.class).orElseThrow();

        assertThat(results.extras()).containsOnlyKeys("api_version");
        assertThat(results.extras().get("api_version").textValue()).isEqualTo("2.9.0");
        assertThat(data.extras()).containsOnlyKeys("logo", "meta", "schema_org", "ai_usage");
        assertThat(data.extras().get("logo").textValue()).isEqualTo("https://cdn.example.com/techstart/logo.png");
        assertThat(data.extras().get("ai_usage").get("input_tokens").intValue()).isEqualTo(12000);
        assertThat(data.extras().get("schema_org").get(0).get("@type").textValue()).isEqualTo("Organization");
        assertThat(data.metadata().extras().get("render_ms").intValue()).isEqualTo(1234);
        assertThat(data.metadata().totalPhonesFound()).isEqualTo(1);
    }

    @Test
    void readsPhonesGivenAsObjects() {
        SpiderSiteData data = results("site-newer-variant.json").dataAs(SpiderSiteData.class).orElseThrow();

        Phone phone = data.phones().get(0);
        assertThat(phone.isStructured()).isTrue();
        assertThat(phone.raw()).isEqualTo("+1-555-987-6543");
        assertThat(phone.e164()).isEqualTo("+15559876543");
        assertThat(phone.national()).isEqualTo("(555) 987-6543");
        assertThat(phone.extras()).containsOnlyKeys("country", "type");
        assertThat(phone.extras().get("country").textValue()).isEqualTo("US");
    }

    @Test
    void readsPainPointsGivenAsObject() {
        SpiderSiteData data = results("site-newer-variant.json").dataAs(SpiderSiteData.class).orElseThrow();

        assertThat(data.painPoints().isList()).isFalse();
        assertThat(data.painPoints().items()).containsExactly("Struggling to scale customer support operations");
        assertThat(data.painPoints().extras()).containsOnlyKeys("summary", "confidence");
    }

    @Test
    void keepsNullTeamMembersNull() {
        SpiderSiteData data = results("site-newer-variant.json").dataAs(SpiderSiteData.class).orElseThrow();

        assertThat(data.teamMembers()).isNull();
        assertThat(Fixtures.rewritten(data).get("team_members").isNull()).isTrue();
    }

    @Test
    void keepsEmptyTeamMembersEmpty() {
        SpiderSiteData data = results("site-minimal.json").dataAs(SpiderSiteData.class).orElseThrow();

        assertThat(Fixtures.rewritten(data).get("team_members").isArray()).isTrue();
        assertThat(Fixtures.rewritten(data).get("team_members")).isEmpty();
    }

    @Test
    void takesZonelessCompletedAtAsUtc() {
        assertThat(results("site-newer-variant.json").completedAt())
                .isEqualTo(Instant.parse("2026-01-18T12:31:37.073080Z"));
        assertThat(results("maps-newer-variant.json").completedAt())
                .isEqualTo(Instant.parse("2026-01-18T12:45:10.500Z"));
    }

    @Test
    void keepsBusinessFieldsAddedByNewerApiVersions() {
        SpiderMapsData data = results("maps-newer-variant.json").dataAs(SpiderMapsData.class).orElseThrow();

        Business business = data.businesses().get(0);
        assertThat(business.phone()).isEqualTo("+1-617-523-9077");
        assertThat(business.extras()).containsOnlyKeys("phone_e164", "photos_count", "plus_code");
        assertThat(business.extras().get("phone_e164").textValue()).isEqualTo("+16175239077");
        assertThat(data.metadata().extras().get("country").textValue()).isEqualTo("us");
    }
}

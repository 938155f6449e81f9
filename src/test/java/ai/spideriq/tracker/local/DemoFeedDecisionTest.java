package ai.spideriq.tracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DemoFeedDecisionTest {

    private static final URI LOCAL = URI.create("http://localhost:8080");

    @Test
    void feeds_when_the_api_in_use_is_the_simulator_of_this_process() {
        assertThat(DemoFeedDecision.decide(Optional.empty(), true, LOCAL, 8080).feed()).isTrue();
        assertThat(DemoFeedDecision.decide(Optional.empty(), true, URI.create("http://127.0.0.1:8080/"), 8080).feed())
                .isTrue();
    }

    @Test
    void does_not_invent_jobs_for_a_real_api() {
        DemoFeedDecision decision = DemoFeedDecision.decide(Optional.empty(), true,
                URI.create("https://spideriq.ai"), 8080);

        assertThat(decision.feed()).isFalse();
        assertThat(decision.why()).contains("https://spideriq.ai").contains("spideriq.local.demo.enabled=true");
    }

    @Test
    void does_not_feed_a_local_api_on_another_port() {
        assertThat(DemoFeedDecision.decide(Optional.empty(), true, URI.create("http://localhost:9000"), 8080).feed())
                .isFalse();
        assertThat(DemoFeedDecision.decide(Optional.empty(), true, URI.create("http://localhost"), 8080).feed())
                .isFalse();
    }

    @Test
    void does_not_feed_when_the_simulator_is_off() {
        assertThat(DemoFeedDecision.decide(Optional.empty(), false, LOCAL, 8080).feed()).isFalse();
    }

    @Test
    void an_explicit_setting_wins_either_way() {
        assertThat(DemoFeedDecision.decide(Optional.of(true), false, URI.create("https://spideriq.ai"), 8080).feed())
                .isTrue();
        assertThat(DemoFeedDecision.decide(Optional.of(false), true, LOCAL, 8080).feed()).isFalse();
    }
}

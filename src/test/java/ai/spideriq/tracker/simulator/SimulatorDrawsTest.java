package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SimulatorDrawsTest {

    private static final Instant START = SimulatorFixture.START;

    @Test
    void theSameSeedDrawsTheSameJobs() {
        List<SimulatedJob> first = simulator(7).createMany(50, JobSpec.drawn());
        List<SimulatedJob> second = simulator(7).createMany(50, JobSpec.drawn());
        List<SimulatedJob> other = simulator(8).createMany(50, JobSpec.drawn());

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).allSatisfy(job -> assertThat(JobDrawer.isUuid(job.jobId())).isTrue());
    }

    @Test
    void drawsFollowTheConfiguredMediansAndOutcomeMix() {
        List<SimulatedJob> site = simulator(1).createMany(4000, JobSpec.of(SimulatedJobType.SPIDER_SITE));
        List<SimulatedJob> maps = simulator(2).createMany(4000, JobSpec.of(SimulatedJobType.SPIDER_MAPS));

        assertThat(medianSeconds(site.stream().map(SimulatedJob::processingDuration).toList())).isBetween(18.0, 22.0);
        assertThat(medianSeconds(site.stream().map(SimulatedJob::queueTime).toList())).isBetween(1.8, 2.2);
        assertThat(medianSeconds(maps.stream().map(SimulatedJob::processingDuration).toList())).isBetween(40.5, 49.5);
        assertThat(site.stream().filter(job -> job.outcome() == SimulatedOutcome.FAILED).count()).isBetween(150L, 250L);
        assertThat(site.stream().filter(job -> job.outcome() == SimulatedOutcome.CANCELLED).count())
                .isBetween(50L, 110L);
        assertThat(site).extracting(SimulatedJob::payloadVariant).containsOnly(
                "site-minimal", "site-with-ai", "site-full-champ");
        assertThat(maps).extracting(SimulatedJob::payloadVariant).containsOnly("maps");
    }

    @Test
    void specValuesOverrideDraws() {
        SimulatedJob job = simulator(3).create(JobSpec.of(SimulatedJobType.SPIDER_MAPS)
                .withTimes(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .withOutcome(SimulatedOutcome.FAILED).withPayloadVariant("maps-newer-variant"));

        assertThat(job.startsAt()).isEqualTo(START.plusSeconds(1));
        assertThat(job.endsAt()).isEqualTo(START.plusSeconds(3));
        assertThat(job.finalState()).isEqualTo(JobState.FAILED);
        assertThat(job.payloadVariant()).isEqualTo("maps-newer-variant");
    }

    @Test
    void invalidSpecsAreRefused() {
        SpiderIqSimulator simulator = simulator(4);

        assertThatThrownBy(() -> simulator.create(JobSpec.drawn().withJobId("job-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.create(JobSpec.drawn().withPayloadVariant("maps")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestLogIsBoundedButCountsKeepCounting() {
        SimulatorFixture fixture = new SimulatorFixture(SimulatorSettings.builder().requestLogMaxEntries(3).build());
        String id = "550e8400-e29b-41d4-a716-446655440000";
        for (int i = 0; i < 5; i++) {
            fixture.simulator.results(SimulatorFixture.AUTH, id);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        fixture.simulator.status(null, id);

        assertThat(fixture.simulator.requests()).hasSize(3);
        assertThat(fixture.simulator.requests().get(2).status()).isEqualTo(401);
        assertThat(fixture.simulator.requestsFor(id)).hasSize(3)
                .first().satisfies(record -> assertThat(record.time()).isEqualTo(START.plusSeconds(3)));
        assertThat(fixture.simulator.stats().total()).isEqualTo(6);
        assertThat(fixture.simulator.stats().count(404)).isEqualTo(5);
        assertThat(fixture.simulator.stats().rateLimited()).isZero();
    }

    private static SpiderIqSimulator simulator(long seed) {
        return new SpiderIqSimulator(SimulatorSettings.defaults(), new VirtualClock(START), new SplittableRandom(seed));
    }

    private static double medianSeconds(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get(sorted.size() / 2).toMillis() / 1000.0;
    }
}

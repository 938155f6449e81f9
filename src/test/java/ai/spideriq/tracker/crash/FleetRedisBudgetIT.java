package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.RedisServer;
import ai.spideriq.tracker.testing.TopicRecorder;

/**
 * {@link FleetBudgetIT} with {@code spideriq.rate-limit.store=redis}: three packaged replicas take from one bucket in
 * a real Redis, against a simulator whose limit is the tracker's share (120 per 60 s), under more load than it allows.
 * Then Redis is stopped mid-run: each replica says so once and keeps to its ownership share, still without a 429 or a
 * lost job, and stays ready.
 */
class FleetRedisBudgetIT {

    private static final Logger LOG = Logger.getLogger(FleetRedisBudgetIT.class);
    private static final String INPUT = "spideriq.jobs.submitted.fleet-redis";
    private static final int JOBS = 60;
    private static final double SHARE = 120;
    private static final String FALLBACK = "Shared rate-limit store";
    /** Redis asks for it, so the URL carries it: no log line may. */
    private static final String PASSWORD = "s3cret-redis-password";
    private static RedisServer redis;

    @RegisterExtension
    static final ServedSimulator API = new ServedSimulator(12, INPUT,
            new RateLimitSettings((int) SHARE, Duration.ofSeconds(60), 20));

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start(PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void replicasShareOneBucketInRedisAndKeepToTheirSharesWhenItIsGone() throws Exception {
        SpiderIqSimulator simulator = API.simulator();
        TopicRecorder outcomes = TopicRecorder.get();
        Map<String, String> fleet = new HashMap<>(Map.of("SPIDERIQ_RATE_LIMIT_REQUESTS_PER_MINUTE", "120",
                "SPIDERIQ_RATE_LIMIT_BURST", "10", "SPIDERIQ_SWEEP_ENABLED", "false",
                "SPIDERIQ_RATE_LIMIT_STORE", "redis", "SPIDERIQ_RATE_LIMIT_REDIS_URL", redis.url(),
                "SPIDERIQ_RATE_LIMIT_REDIS_KEY_PREFIX", INPUT));
        List<String> names = List.of("fleet-redis-a", "fleet-redis-b", "fleet-redis-c");
        List<Process> replicas = new ArrayList<>();
        try {
            for (String name : names) {
                replicas.add(TrackerProcess.start(name, INPUT, API.port(), fleet));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> FleetBudgetIT.budgets(names).stream()
                    .allMatch(b -> b > 0) && FleetBudgetIT.sum(FleetBudgetIT.budgets(names)) == SHARE);
            List<String> first = FleetBudgetIT.submitLoad(simulator, INPUT, JOBS);
            outcomes.awaitEach(first, Duration.ofSeconds(240));
            for (String name : names) {
                assertThat(TrackerProcess.scrape(name)).as(name)
                        .containsPattern("(?m)^spideriq_limiter_shared_store_up(\\{[^}]*})? 1");
            }
            int sharedRequests = simulator.requests().size();

            List<String> second = FleetBudgetIT.submitLoad(simulator, INPUT, JOBS);
            redis.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                boolean all = true;
                for (String name : names) {
                    all &= fellBack(name);
                }
                return all;
            });
            outcomes.awaitEach(second, Duration.ofSeconds(300));

            LOG.infof("%d jobs, %d requests (%d with the shared bucket), at most %d in 60 s, %d answered 429",
                    2 * JOBS, simulator.stats().total(), sharedRequests,
                    FleetBudgetIT.mostInAnyMinute(simulator), simulator.stats().rateLimited());
            assertThat(simulator.stats().rateLimited()).isZero();
            assertThat(FleetBudgetIT.mostInAnyMinute(simulator)).isLessThanOrEqualTo((int) SHARE);
            assertThat(first).allSatisfy(job -> assertThat(outcomes.forKey(job)).hasSize(1));
            assertThat(second).allSatisfy(job -> assertThat(outcomes.forKey(job)).hasSize(1));
            for (String name : names) {
                assertThat(TrackerProcess.status(name, "/q/health/ready")).as("%s ready without Redis", name)
                        .isEqualTo(200);
                assertThat(TrackerProcess.scrape(name)).as(name)
                        .containsPattern("(?m)^spideriq_limiter_shared_store_up(\\{[^}]*})? 0");
                assertThat(TrackerProcess.log(name)).as(name).doesNotContain(PASSWORD);
            }
        } finally {
            for (Process replica : replicas) {
                replica.destroy();
                replica.waitFor();
            }
        }
    }

    /** Exactly one line saying Redis is unreachable since it was stopped (and none saying it is back). */
    private static boolean fellBack(String name) throws IOException {
        String log = TrackerProcess.log(name);
        String after = log.substring(Math.max(0, log.lastIndexOf("answers again: the fleet")));
        long lines = after.lines().filter(line -> line.contains(FALLBACK) && line.contains("unreachable")).count();
        assertThat(lines).as("%s: one line per outage", name).isLessThanOrEqualTo(1);
        return lines == 1;
    }
}

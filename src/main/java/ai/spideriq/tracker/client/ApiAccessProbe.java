package ai.spideriq.tracker.client;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;

/**
 * Refuses to start without a token, and asks the API once whether it accepts it, so readiness knows before the first
 * job. After that real polls keep {@link ApiAccess} current; the probe only asks again while the token is not known to
 * be accepted, every {@code spideriq.rate-limit.auth-failure-pause}. A probe takes its token from the shared limiter
 * like any request.
 */
@ApplicationScoped
public class ApiAccessProbe {

    /** Asking about a job that cannot exist: 404 means the token is accepted. */
    static final UUID NO_JOB = new UUID(0, 0);

    private final SpiderIqClient client;
    private final ApiAccess access;
    private final ApiRateLimiter limiter;
    private final TrackerConfig config;

    public ApiAccessProbe(SpiderIqClient client, ApiAccess access, ApiRateLimiter limiter, TrackerConfig config) {
        this.client = client;
        this.access = access;
        this.limiter = limiter;
        this.config = config;
    }

    /** Before anything else starts (the in-flight topic check runs at 500, messaging at 1000). */
    void requireToken(@Observes @Priority(10) StartupEvent event) {
        if (config.api().token().filter(token -> !token.isBlank()).isEmpty()) {
            throw new IllegalStateException("SPIDERIQ_API_TOKEN (spideriq.api.token) is not set: the tracker needs the "
                    + "SpiderIQ account's token, client_id:api_key:api_secret, and refuses to start without it");
        }
    }

    void onStart(@Observes StartupEvent event) {
        probe().subscribe().with(ignored -> {
        });
    }

    /**
     * Non-blocking (the answer comes through the reactive client), so on the event loop; a probe still waiting for its
     * answer is not doubled. Only while the application runs.
     */
    @Scheduled(identity = "spideriq-api-access-probe", every = "${spideriq.rate-limit.auth-failure-pause}", delayed = "${spideriq.rate-limit.auth-failure-pause}", concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    Uni<Void> probe() {
        if (access.state() != ApiAccess.State.ACCEPTED && limiter.tryAcquire().isZero()) {
            return client.poll(NO_JOB).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}

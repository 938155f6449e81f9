package ai.spideriq.tracker.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the SpiderIQ API rejects the token (401/403). Costs no request: it reads the last answer. */
@Readiness
@ApplicationScoped
public class ApiAccessHealthCheck implements HealthCheck {

    private final ApiAccess access;

    public ApiAccessHealthCheck(ApiAccess access) {
        this.access = access;
    }

    @Override
    public HealthCheckResponse call() {
        ApiAccess.State state = access.state();
        var response = HealthCheckResponse.named("spideriq-api-token").withData("state", state.name().toLowerCase());
        if (state == ApiAccess.State.REJECTED) {
            return response.withData("http_status", access.lastRejectionStatus()).down().build();
        }
        return response.up().build();
    }
}

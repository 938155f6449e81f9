package ai.spideriq.tracker.simulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import ai.spideriq.tracker.time.InstantSourceTimeMeter;

/**
 * What stands before every API endpoint, in order: credentials (401/403), scripted faults (which consume no quota),
 * the rate limit (429), random server errors (500, after the quota was spent); then the endpoint itself. Every
 * answer is logged. Not thread-safe: the simulator calls it under its lock.
 */
final class ApiGateway {

    private final InstantSource clock;
    private final CredentialChecker credentials;
    private final AccountRateLimiter rateLimiter;
    private final FaultInjector faults;
    private final RequestLog log;

    ApiGateway(SimulatorSettings settings, InstantSource clock, RandomGenerator faultRandom, RequestLog log) {
        this.clock = clock;
        this.credentials = new CredentialChecker(settings.acceptedTokens(), settings.inactiveTokens());
        this.rateLimiter = new AccountRateLimiter(settings.rateLimit(), new InstantSourceTimeMeter(clock));
        this.faults = new FaultInjector(settings.serverErrorFraction(), faultRandom);
        this.log = log;
    }

    /** Answers one request; {@code endpoint} renders the answer of an admitted request at the given time. */
    SimulatedResponse answer(String method, String path, String authorization, String jobId,
            Function<Instant, SimulatedResponse> endpoint) {
        Instant now = clock.instant();
        CredentialCheck check = credentials.check(authorization);
        SimulatedResponse response = switch (check.verdict()) {
            case INVALID -> SimulatedResponse.detail(401, "Invalid or missing credentials");
            case INACTIVE -> SimulatedResponse.detail(403, "Client account inactive");
            case VALID -> admitted(check.accountId(), now, endpoint);
        };
        log.append(new RequestRecord(now, method, path, jobId, response.status(), check.isValid()));
        return response;
    }

    void inject(InjectedFault fault) {
        faults.inject(fault);
    }

    int pendingFaults() {
        return faults.pendingResponses();
    }

    void reset() {
        faults.clear();
        rateLimiter.reset();
    }

    private SimulatedResponse admitted(String account, Instant now, Function<Instant, SimulatedResponse> endpoint) {
        var fault = faults.next();
        if (fault.isPresent()) {
            return faultResponse(fault.get()).withHeaders(rateLimiter.peek(account, now).headers());
        }
        RateLimitDecision decision = rateLimiter.tryAcquire(account, now);
        if (!decision.allowed()) {
            return SimulatedResponse.detail(429, "Rate limit exceeded").withHeaders(decision.headers());
        }
        if (faults.randomServerError()) {
            return SimulatedResponse.detail(500, "Internal server error").withHeaders(decision.headers());
        }
        return endpoint.apply(now).withHeaders(decision.headers());
    }

    private static SimulatedResponse faultResponse(InjectedFault fault) {
        return SimulatedResponse.detail(fault.status(), detailFor(fault.status())).withRetryAfter(fault.retryAfter());
    }

    /** The {@code detail} the API sends with an error {@code status}. */
    static String detailFor(int status) {
        return switch (status) {
            case 401 -> "Invalid or missing credentials";
            case 403 -> "Client account inactive";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable entity";
            case 429 -> "Rate limit exceeded";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Simulated fault";
        };
    }
}

package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.SimulatedResponse;

/**
 * The docs' own client, one loop per job: {@code GET /status} right away and then 3 s after each answer until the
 * status is terminal, then {@code GET /results}. It has no limiter: a 429 (whose body has no status) simply counts as
 * "not yet", as in the docs' {@code wait_for_completion}. Where the docs' code would give up (a 429 on
 * {@code /results} raises, {@code max_wait} is 300 s) this one keeps going every 3 s, so its outcomes are never lost
 * and its cost shows in requests and lag instead.
 */
final class SeedStrategy implements PollStrategy {

    private static final Duration PERIOD = Duration.ofSeconds(3);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    private final Context context;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<String> inFlight = new HashSet<>();

    SeedStrategy(Context context) {
        this.context = context;
    }

    @Override
    public void submit(SimulatedJob job, long sequence) {
        inFlight.add(job.jobId());
        pollStatus(job.jobId());
    }

    @Override
    public boolean isTracking(String jobId) {
        return inFlight.contains(jobId);
    }

    private void pollStatus(String jobId) {
        context.api().status(jobId, answer -> {
            if (answer.status() == 200 && TERMINAL.contains(statusOf(answer))) {
                fetchResults(jobId);
            } else {
                context.timers().schedule(PERIOD, () -> pollStatus(jobId));
            }
        });
    }

    private void fetchResults(String jobId) {
        context.api().results(jobId, answer -> {
            if (answer.status() == 200 || answer.status() == 410) {
                inFlight.remove(jobId);
                context.outcomes().accept(jobId, context.clock().instant());
            } else {
                context.timers().schedule(PERIOD, () -> fetchResults(jobId));
            }
        });
    }

    private String statusOf(SimulatedResponse answer) {
        try {
            JsonNode status = mapper.readTree(answer.jsonBody()).get("status");
            return status == null ? "" : status.asText();
        } catch (Exception e) {
            return "";
        }
    }
}

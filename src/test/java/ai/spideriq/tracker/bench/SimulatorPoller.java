package ai.spideriq.tracker.bench;

import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.client.ResultsInterpreter;
import ai.spideriq.tracker.tracking.JobPoller;
import io.smallrye.mutiny.Uni;

/**
 * The real tracker's {@link JobPoller} on the simulated API: each simulated answer goes through the production
 * {@link ResultsInterpreter}, so the limiter is fed exactly as in the service.
 */
final class SimulatorPoller implements JobPoller {

    /** Configured like the mapper Quarkus gives the service. */
    static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final SimulatedApi api;
    private final ResultsInterpreter interpreter;

    SimulatorPoller(SimulatedApi api, ResultsInterpreter interpreter) {
        this.api = api;
        this.interpreter = interpreter;
    }

    @Override
    public Uni<PollResult> poll(UUID jobId) {
        return Uni.createFrom().emitter(emitter -> api.results(jobId.toString(),
                answer -> emitter.complete(interpreter.interpret(answer.status(), answer::header, answer::jsonBody))));
    }
}

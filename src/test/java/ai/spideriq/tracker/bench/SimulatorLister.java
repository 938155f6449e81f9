package ai.spideriq.tracker.bench;

import ai.spideriq.tracker.client.JobListAnswer;
import ai.spideriq.tracker.client.JobListReader;
import ai.spideriq.tracker.detection.JobLister;
import io.smallrye.mutiny.Uni;

/**
 * The real tracker's {@link JobLister} on the simulated API: each answer goes through the production
 * {@link JobListReader}, so the sweeper and the limiter see exactly what the service would.
 */
final class SimulatorLister implements JobLister {

    private final SimulatedApi api;
    private final JobListReader reader;

    SimulatorLister(SimulatedApi api, JobListReader reader) {
        this.api = api;
        this.reader = reader;
    }

    @Override
    public Uni<JobListAnswer> list(int page, int pageSize) {
        return Uni.createFrom().emitter(emitter -> api.listJobs(page, pageSize,
                answer -> emitter.complete(reader.read(answer.status(), answer::header, answer::jsonBody))));
    }
}

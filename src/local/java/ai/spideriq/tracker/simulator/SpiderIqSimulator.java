package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SpiderIQ job API, simulated in memory on an injected clock and random source: answers {@code /status},
 * {@code /results} and {@code DELETE} like the real API (auth, rate limit, docs' bodies), and lets tests and the
 * benchmark create jobs, inject faults and read the request log. Also announces job starts and ends on the
 * account-wide event stream, delivered when {@link #deliverDueEvents()} is called (no timers inside, so virtual time
 * works). Thread-safe; every method is one short critical section. Same seed, same calls in the same order, same
 * answers.
 */
public class SpiderIqSimulator {

    private static final String JOBS_PATH = "/api/v1/jobs/";
    private static final String EVENTS_PATH = "/api/v1/events/stream";
    private static final String LIST_PATH = "/api/v1/jobs/list";

    private final SimulatorSettings settings;
    private final InstantSource clock;
    private final JobDrawer drawer;
    private final JobResponseBodies bodies;
    private final RequestLog log;
    private final ApiGateway gateway;
    private final EventHub events;
    private final JobListing listing;
    private JobListMode listMode;
    private EventStreamMode streamMode;
    private final Map<String, SimulatedJob> jobs = new LinkedHashMap<>();

    /**
     * @param settings limits, tokens, durations
     * @param clock the time source (a {@link VirtualClock} for simulated time)
     * @param random the source of every draw; seed it for reproducible runs
     */
    public SpiderIqSimulator(SimulatorSettings settings, InstantSource clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        // Faults draw from their own stream so job draws do not depend on how often clients poll.
        long faultSeed = random.nextLong();
        RandomGenerator faultRandom = new SplittableRandom(faultSeed);
        // Event drops split off a twin of the fault stream: neither job nor fault draws change with the stream.
        this.events = new EventHub(settings, new SplittableRandom(faultSeed).split());
        this.drawer = new JobDrawer(settings, random);
        this.bodies = new JobResponseBodies(new ObjectMapper());
        this.log = new RequestLog(settings.requestLogMaxEntries());
        this.gateway = new ApiGateway(settings, clock, faultRandom, log);
        this.listing = new JobListing(new ObjectMapper());
        this.listMode = settings.listMode();
        this.streamMode = settings.eventStreamMode();
    }

    /** A simulator with the default settings, reproducible from {@code seed}. */
    public static SpiderIqSimulator withDefaults(InstantSource clock, long seed) {
        return new SpiderIqSimulator(SimulatorSettings.defaults(), clock, new SplittableRandom(seed));
    }

    /** {@code GET /api/v1/jobs/{id}/results}. */
    public synchronized SimulatedResponse results(String authorizationHeader, String jobId) {
        return gateway.answer("GET", JOBS_PATH + jobId + "/results", authorizationHeader, jobId,
                now -> findJob(jobId).map(job -> bodies.results(job, now)).orElseGet(SpiderIqSimulator::notFound));
    }

    /** {@code GET /api/v1/jobs/{id}/status}. */
    public synchronized SimulatedResponse status(String authorizationHeader, String jobId) {
        return gateway.answer("GET", JOBS_PATH + jobId + "/status", authorizationHeader, jobId,
                now -> findJob(jobId).map(job -> bodies.status(job, now)).orElseGet(SpiderIqSimulator::notFound));
    }

    /** {@code DELETE /api/v1/jobs/{id}}: cancels a queued or processing job; 400 once it has ended. */
    public synchronized SimulatedResponse cancel(String authorizationHeader, String jobId) {
        return gateway.answer("DELETE", JOBS_PATH + jobId, authorizationHeader, jobId,
                now -> findJob(jobId).map(job -> cancel(job, now)).orElseGet(SpiderIqSimulator::notFound));
    }

    /**
     * {@code GET /api/v1/jobs/list?page=&page_size=&status_filter=&type_filter=&sort_by=&sort_order=}: every job
     * of the account (including ones no client tracks), each as it is now; checked, rate-limited and logged like
     * any request. Invalid parameters answer 422 with FastAPI's {@code {"detail":[...]}}; the current
     * {@link JobListMode} can make it fail instead (in {@code STALL} mode the HTTP route never sends the answer).
     * Timestamps carry {@code Z}; the real API also sends zone-less ones, which the tracker must accept too.
     *
     * @param query the query parameters (first value of each; empty values count as absent)
     */
    public synchronized SimulatedResponse listJobs(String authorizationHeader, Map<String, String> query) {
        return gateway.answer("GET", LIST_PATH, authorizationHeader, null,
                now -> listing.answer(jobs.values(), query, now, listMode));
    }

    /** Switches how {@code /jobs/list} answers from the next request on (until changed or {@link #reset()}). */
    public synchronized void setListMode(JobListMode mode) {
        listMode = Objects.requireNonNull(mode, "mode");
    }

    /** How {@code /jobs/list} answers now. */
    public synchronized JobListMode listMode() {
        return listMode;
    }

    /** Creates a job now, or returns the existing one with the same id (the API dedupes resubmissions). */
    public synchronized SimulatedJob create(JobSpec spec) {
        String id = drawer.idFor(spec);
        SimulatedJob existing = jobs.get(id);
        if (existing != null) {
            return existing;
        }
        SimulatedJob job = drawer.draw(id, spec, clock.instant());
        jobs.put(id, job);
        events.schedule(job);
        return job;
    }

    /** Creates {@code count} jobs from {@code spec} (which must not fix a job id). */
    public synchronized List<SimulatedJob> createMany(int count, JobSpec spec) {
        if (spec.jobId() != null && count != 1) {
            throw new IllegalArgumentException("A fixed job_id cannot be created more than once");
        }
        List<SimulatedJob> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(create(spec));
        }
        return created;
    }

    /** The job with {@code jobId}, if it exists. */
    /** A completed spiderSite job's {@code data.markdown_compendium} (its largest field) from now on. */
    public void setCompendium(String jobId, String markdown) {
        bodies.setCompendium(jobId, markdown);
    }

    public synchronized Optional<SimulatedJob> job(String jobId) {
        return findJob(jobId);
    }

    /** All jobs, in creation order. */
    public synchronized List<SimulatedJob> jobs() {
        return List.copyOf(jobs.values());
    }

    /** Makes the next {@code count} API responses answer {@code status}, with an optional {@code Retry-After}. */
    public synchronized void injectFaults(int status, int count, Duration retryAfter) {
        gateway.inject(new InjectedFault(status, count, retryAfter));
    }

    /** How many scripted fault responses are still to come. */
    public synchronized int pendingFaults() {
        return gateway.pendingFaults();
    }

    /** The kept request log, oldest first. */
    public synchronized List<RequestRecord> requests() {
        return log.all();
    }

    /** The kept requests about one job, oldest first. */
    public synchronized List<RequestRecord> requestsFor(String jobId) {
        return log.forJob(jobId);
    }

    /** Request counts since the last reset. */
    public synchronized RequestStats stats() {
        return log.stats();
    }

    /**
     * {@code GET /api/v1/events/stream?token=...}: checked like any request (401/403, faults, rate limit, logged
     * without the token). In the current {@link EventStreamMode}: a refusal answers its status instead; otherwise
     * (200) {@code listener} gets the stream's frames from now on, no replay: {@code connected} at once (its
     * {@code client_id} the token's part before the first {@code :}), then the job events and a {@code heartbeat}
     * per heartbeat interval on the simulator's clock (from {@link #deliverDueEvents()}), all as the mode allows.
     * {@code onClose} runs if the simulator closes the stream (in the error mode, before this returns). Both are
     * called under this simulator's lock: they must hand the work off, not block nor wait on another thread that
     * calls the simulator.
     */
    public synchronized EventStreamOpening openEventStream(String token, Consumer<SimulatedEvent> listener,
            Runnable onClose) {
        EventStreamMode mode = streamMode;
        SimulatedResponse response = gateway.answer("GET", EVENTS_PATH, token == null ? null : "Bearer " + token,
                null, now -> mode.refusal().orElseGet(() -> SimulatedResponse.of(200, "{}")));
        if (response.status() != 200) {
            return new EventStreamOpening(response, Optional.empty());
        }
        String clientId = token.substring(0, token.indexOf(':'));
        return new EventStreamOpening(response, Optional.of(
                events.subscribe(listener, onClose, this::unsubscribe, clientId, clock.instant(), mode)));
    }

    /** Switches how event streams opened from now on behave (open ones keep theirs) until changed or reset. */
    public synchronized void setEventStreamMode(EventStreamMode mode) {
        streamMode = Objects.requireNonNull(mode, "mode");
    }

    /** How event streams opened now behave. */
    public synchronized EventStreamMode eventStreamMode() {
        return streamMode;
    }

    /**
     * Delivers every job event due now (drops the lost and the stale ones) and the heartbeats due; returns how many
     * job events were delivered.
     */
    public synchronized int deliverDueEvents() {
        return events.deliverDue(clock.instant(), this::findJob);
    }

    /** When the next pending job event is due for delivery, if any is pending (heartbeats are not counted). */
    public synchronized Optional<Instant> nextEventDue() {
        return events.nextDue();
    }

    /** How many event streams are open. */
    public synchronized int openEventStreams() {
        return events.openSubscriptions();
    }

    /** Closes every open event stream, as a server dropping its connections; returns how many were open. */
    public synchronized int closeEventStreams() {
        return events.closeAll();
    }

    /**
     * Forgets all jobs, pending events, requests, faults and rate-limit usage, closes the event streams and puts
     * the list and stream modes back to the settings' ones. The random source continues (no re-seed).
     */
    public synchronized void reset() {
        listMode = settings.listMode();
        streamMode = settings.eventStreamMode();
        jobs.clear();
        log.clear();
        gateway.reset();
        events.reset();
    }

    /** The simulator's current time. */
    public Instant now() {
        return clock.instant();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    private Optional<SimulatedJob> findJob(String jobId) {
        return JobDrawer.isUuid(jobId) ? Optional.ofNullable(jobs.get(JobDrawer.normalizeId(jobId))) : Optional.empty();
    }

    private synchronized void unsubscribe(EventSubscription subscription) {
        events.unsubscribe(subscription);
    }

    private SimulatedResponse cancel(SimulatedJob job, Instant now) {
        JobState state = job.stateAt(now);
        if (state.isTerminal()) {
            return SimulatedResponse.detail(400, "Job is already " + state.wireName() + " and cannot be cancelled");
        }
        SimulatedJob cancelled = job.cancelledAt(now);
        jobs.put(job.jobId(), cancelled);
        return bodies.cancelled(cancelled);
    }

    private static SimulatedResponse notFound() {
        return SimulatedResponse.detail(404, "Job not found");
    }
}

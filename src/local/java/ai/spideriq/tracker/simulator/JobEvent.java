package ai.spideriq.tracker.simulator;

import java.time.Instant;

/**
 * A job event on the schedule, before it is rendered: which announcement, of which job, for when. Rendered at
 * delivery from the job as it then is, so a cancellation in between can still silence it.
 *
 * @param name {@code job.queued}, {@code job.started}, {@code job.completed} or {@code job.failed}
 * @param jobId the job's id
 * @param at when the job's state changed (not when the stream delivers it)
 */
record JobEvent(String name, String jobId, Instant at) {

    /** The events {@code job}'s timeline will announce, in order: queued, started, and how it ends (not cancelled). */
    static java.util.List<JobEvent> timelineOf(SimulatedJob job) {
        var events = new java.util.ArrayList<JobEvent>(3);
        events.add(new JobEvent(SimulatedEvent.QUEUED, job.jobId(), job.createdAt()));
        events.add(new JobEvent(SimulatedEvent.STARTED, job.jobId(), job.startsAt()));
        switch (job.finalState()) {
            case COMPLETED -> events.add(new JobEvent(SimulatedEvent.COMPLETED, job.jobId(), job.endsAt()));
            case FAILED -> events.add(new JobEvent(SimulatedEvent.FAILED, job.jobId(), job.endsAt()));
            default -> {
            }
        }
        return events;
    }

    /**
     * Whether the event is still true of {@code job} as it is now: a cancellation through the API makes a queued
     * job's start and a running job's end stale, since the job never got there. Its queueing always happened.
     */
    boolean stillTrueOf(SimulatedJob job) {
        return switch (name) {
            case SimulatedEvent.QUEUED -> true;
            case SimulatedEvent.STARTED -> job.wasStarted();
            case SimulatedEvent.COMPLETED -> job.finalState() == JobState.COMPLETED;
            default -> job.finalState() == JobState.FAILED;
        };
    }
}

package ai.spideriq.tracker.detection;

import java.util.UUID;

/**
 * What the detectors (the event stream, the job-list sweep) tell the tracker, and the one thing they ask it. Their
 * word is a hint: an announced end is read with {@code /results}, which alone says how the job ended. Implementations
 * must hand the work to the tracker's own context and return at once.
 */
public interface EndHints {

    /** The event stream has shown it is alive ({@code true}) or is gone. */
    void streaming(boolean up);

    /** The job list answers as documented ({@code true}) or its sweeps are switched off. */
    void sweeping(boolean working);

    /** A worker picked the job up now. */
    void announceStarted(UUID jobId);

    /** The job has ended: read its result now, ahead of scheduled polls. */
    void announceEnded(UUID jobId);

    /** Whether any tracked job still waits for word of its end; a sweep with nothing to find is not sent. */
    boolean awaitsAnyEnd();

    /**
     * Whether an announced end is due and still waits for a token. Sweeps yield to it: its read finds a result for
     * sure, and a sweep sent first would take its token and only queue more finds behind it.
     */
    boolean endsAwaitRead();
}

package ai.spideriq.tracker.detection;

/**
 * Starts the account-wide detectors (the event stream, the job-list sweeps; each only when enabled) for one term of
 * detecting for the fleet. Each term gets fresh detectors, so nothing of a previous term (an answer still on its
 * way, a timer) can run on into the next.
 */
public interface DetectorTerms {

    /** Starts the detectors; the returned term stops them. */
    Term begin();

    /** A running term of detection. */
    interface Term {
        /** Stops the detectors for good; their coverage ends with them. */
        void end();
    }
}

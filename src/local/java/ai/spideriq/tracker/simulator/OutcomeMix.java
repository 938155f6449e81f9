package ai.spideriq.tracker.simulator;

/**
 * The share of drawn jobs that fail or get cancelled; the rest complete.
 *
 * @param failedFraction share of jobs ending {@code failed}, 0..1
 * @param cancelledFraction share of jobs ending {@code cancelled}, 0..1
 */
public record OutcomeMix(double failedFraction, double cancelledFraction) {

    /** 5 % failed, 2 % cancelled. */
    public static final OutcomeMix DEFAULTS = new OutcomeMix(0.05, 0.02);

    public OutcomeMix {
        if (failedFraction < 0 || cancelledFraction < 0 || failedFraction + cancelledFraction > 1) {
            throw new IllegalArgumentException("Fractions must be >= 0 and sum to at most 1");
        }
    }

    /** The outcome for a uniform draw {@code u} in [0, 1). */
    public JobOutcome pick(double u) {
        if (u < failedFraction) {
            return JobOutcome.FAILED;
        }
        return u < failedFraction + cancelledFraction ? JobOutcome.CANCELLED : JobOutcome.COMPLETED;
    }
}

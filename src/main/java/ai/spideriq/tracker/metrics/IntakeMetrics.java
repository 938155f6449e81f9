package ai.spideriq.tracker.metrics;

import java.util.List;

import ai.spideriq.tracker.intake.RejectedSubmission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What became of the submissions consumed: accepted, duplicate or already ended, or rejected to the dead-letter topic
 * (whole, as a prefix, or not at all), by reason. Every series exists from start-up, at 0.
 */
public final class IntakeMetrics {

    public static final String SUBMISSIONS = "spideriq.intake.submissions";
    public static final String DEAD_LETTERED = "spideriq.intake.dead_lettered";
    public static final String DEAD_LETTER_TRUNCATED = "spideriq.intake.dead_letter_truncated";
    public static final String DEAD_LETTER_FAILED = "spideriq.intake.dead_letter_failed";

    private final MeterRegistry registry;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Created up front so dashboards and alerts see zeros instead of gaps.
        for (String result : List.of("accepted", "duplicate", "already_ended")) {
            submissions(result);
        }
        for (RejectedSubmission.Reason reason : RejectedSubmission.Reason.values()) {
            deadLetteredCounter(reason.wireName());
            deadLetterTruncatedCounter(reason.wireName());
            deadLetterFailedCounter(reason.wireName());
        }
    }

    public void submission(String result) {
        submissions(result).increment();
    }

    public void deadLettered(String reason) {
        deadLetteredCounter(reason).increment();
    }

    /** A rejected record went to the dead-letter topic as a prefix of its value, with its size and digest. */
    public void deadLetterTruncated(String reason) {
        deadLetterTruncatedCounter(reason).increment();
    }

    /** A rejected record could not be written to the dead-letter topic at all: logged, and skipped. */
    public void deadLetterFailed(String reason) {
        deadLetterFailedCounter(reason).increment();
    }

    private Counter submissions(String result) {
        return Counter.builder(SUBMISSIONS).description("Submissions consumed, by what became of them")
                .tag("result", result).register(registry);
    }

    private Counter deadLetteredCounter(String reason) {
        return Counter.builder(DEAD_LETTERED).description("Submissions sent to the dead-letter topic, by reason")
                .tag("reason", reason).register(registry);
    }

    private Counter deadLetterTruncatedCounter(String reason) {
        return Counter.builder(DEAD_LETTER_TRUNCATED)
                .description("Rejected submissions dead-lettered as a prefix of their value, by reason")
                .tag("reason", reason).register(registry);
    }

    private Counter deadLetterFailedCounter(String reason) {
        return Counter.builder(DEAD_LETTER_FAILED)
                .description("Rejected submissions that could not be dead-lettered and were skipped, by reason")
                .tag("reason", reason).register(registry);
    }
}

package ai.spideriq.tracker.bench;

import java.time.Duration;

import ai.spideriq.tracker.simulator.EventStreamMode;
import ai.spideriq.tracker.simulator.JobListMode;

/**
 * How the simulated API's two accelerators behave in one run: the share of stream events it loses, the stream's mode
 * from the start and the one connections opened after {@link #SWITCH_AT} get, and how the job list answers.
 *
 * @param streamAfterSwitch the mode from {@link #SWITCH_AT} on, or {@code null} to keep {@code streamAtStart}
 */
record ApiConditions(double eventDropRate, EventStreamMode streamAtStart, EventStreamMode streamAfterSwitch,
        JobListMode listMode) {

    /** When the stream's mode switches (the "stalled after 60 s"). */
    static final Duration SWITCH_AT = Duration.ofSeconds(60);

    /** What the strategy comparison has always run against: 2 % of events lost, stream and list as documented. */
    static final ApiConditions STRATEGY_COMPARISON = new ApiConditions(0.02, EventStreamMode.NORMAL, null,
            JobListMode.NORMAL);
}

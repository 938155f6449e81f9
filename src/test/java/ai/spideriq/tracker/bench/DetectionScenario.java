package ai.spideriq.tracker.bench;

import java.util.List;
import java.util.Map;

import ai.spideriq.tracker.simulator.EventStreamMode;
import ai.spideriq.tracker.simulator.JobListMode;

/**
 * One condition of the two detectors the tracker is benchmarked under: its label, the tracker's overrides of its
 * shipped defaults, and the API's behaviour. "No list" is the list answering 404 to a tracker that sweeps by default
 * (it must switch sweeps off and lose nothing); "no stream" is the stream switched off in the tracker's config.
 */
record DetectionScenario(String label, Map<String, String> overrides, ApiConditions api) {

    private static final String EVENTS_OFF = "spideriq.events.enabled";
    private static final String SWEEP_OFF = "spideriq.sweep.enabled";
    private static final EventStreamMode UP = EventStreamMode.NORMAL;
    private static final EventStreamMode REFUSED = EventStreamMode.refuse(401);
    private static final EventStreamMode SILENT_AT_60S = EventStreamMode.silentAfter(ApiConditions.SWITCH_AT);
    private static final EventStreamMode STALL = EventStreamMode.of(EventStreamMode.Kind.STALL);
    private static final JobListMode LIST = JobListMode.NORMAL;
    private static final JobListMode NO_LIST = JobListMode.missing();

    /** Not the tracker: {@link OracleStrategy}, every end known at once, one read per job through the same budget. */
    static final DetectionScenario BOUND = new DetectionScenario("bound: every end known", Map.of(),
            new ApiConditions(0, UP, null, LIST));

    /** The scenarios: stream up (0 and 5 % loss), refused, stalled after 60 s, off; each with and without list. */
    static List<DetectionScenario> all() {
        return List.of(
                of("stream+list", 0, UP, LIST),
                of("stream 5%+list", 0.05, UP, LIST),
                of("stream 5%, no list", 0.05, UP, NO_LIST),
                of("refused+list", 0, REFUSED, LIST),
                of("refused, no list", 0, REFUSED, NO_LIST),
                stalled("stalled@60s+list", LIST),
                stalled("stalled@60s, no list", NO_LIST),
                new DetectionScenario("no stream+list", Map.of(EVENTS_OFF, "false"),
                        new ApiConditions(0, UP, null, LIST)),
                // Today's tracker-polling: nothing but the learned poll plan.
                new DetectionScenario("no stream, no list", Map.of(EVENTS_OFF, "false", SWEEP_OFF, "false"),
                        new ApiConditions(0, UP, null, LIST)));
    }

    private static DetectionScenario of(String label, double dropRate, EventStreamMode stream, JobListMode list) {
        return new DetectionScenario(label, Map.of(), new ApiConditions(dropRate, stream, null, list));
    }

    /** The first connection goes quiet 60 s after opening; every later one never sends a byte. */
    private static DetectionScenario stalled(String label, JobListMode list) {
        return new DetectionScenario(label, Map.of(), new ApiConditions(0, SILENT_AT_60S, STALL, list));
    }
}

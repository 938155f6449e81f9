package ai.spideriq.tracker.simulator;

import java.util.List;

/**
 * The garbage the malformed stream mode interleaves with the real events, in a fixed cycle (no random draws, so
 * the other streams of draws stay as they are): a line without a colon, broken JSON in a job event, a job event
 * whose job_id is not a UUID, an event family that is not about jobs, and data split over two {@code data:} lines
 * (valid once joined as SSE says, broken for a client that keeps only one line). Not thread-safe.
 */
final class MalformedFrames {

    static final List<SimulatedEvent> CYCLE = List.of(
            SimulatedEvent.raw("this line has no colon\n\n"),
            new SimulatedEvent(SimulatedEvent.COMPLETED, "{\"job_id\": \"550e8400-e29b-41d4"),
            new SimulatedEvent(SimulatedEvent.COMPLETED,
                    "{\"job_id\":\"not-a-uuid\",\"processing_time\":1.5,\"results_count\":0}"),
            new SimulatedEvent("campaign.updated", "{\"campaign_id\":\"cmp-1\",\"status\":\"running\"}"),
            new SimulatedEvent("playbook.completed", "{\"playbook_id\":\"pb-1\",\n\"status\":\"completed\"}"));

    private int next;

    /** The next garbage frame of the cycle. */
    SimulatedEvent next() {
        SimulatedEvent frame = CYCLE.get(next);
        next = (next + 1) % CYCLE.size();
        return frame;
    }
}

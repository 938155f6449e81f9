package ai.spideriq.tracker.simulator;

import java.util.Objects;

/**
 * One frame of the account-wide event stream ({@code GET /api/v1/events/stream}) as SpiderIQ sends it:
 * {@code event: <name>}, then the data (one {@code data:} line per line of it), then a blank line. Connection events
 * ({@code connected}, {@code heartbeat}, {@code error}) and job events ({@code job.queued}, {@code job.started},
 * {@code job.completed}, {@code job.failed}, snake_case payloads) alike; cancellations have none, as in the real
 * API. The malformed stream mode also sends raw frames that are not events at all (then {@code name} and
 * {@code dataJson} are {@code null}).
 *
 * @param name the SSE event type, or {@code null} for a raw frame
 * @param dataJson the data as an SSE client reassembles it (the {@code data:} lines joined by {@code \n}); JSON
 *        except for deliberately broken frames; {@code null} for a raw frame
 * @param rawFrame the exact text of a raw frame, else {@code null}
 */
public record SimulatedEvent(String name, String dataJson, String rawFrame) {

    public static final String CONNECTED = "connected";
    public static final String HEARTBEAT = "heartbeat";
    public static final String ERROR = "error";
    public static final String QUEUED = "job.queued";
    public static final String STARTED = "job.started";
    public static final String COMPLETED = "job.completed";
    public static final String FAILED = "job.failed";

    public SimulatedEvent {
        if (rawFrame == null) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataJson, "dataJson");
        } else if (name != null || dataJson != null) {
            throw new IllegalArgumentException("A raw frame has neither name nor data");
        }
    }

    /** An event frame. */
    public SimulatedEvent(String name, String dataJson) {
        this(name, dataJson, null);
    }

    /** A frame sent exactly as {@code text} (garbage a client must survive). */
    static SimulatedEvent raw(String text) {
        return new SimulatedEvent(null, null, text);
    }

    /** Whether this is one of the documented job events. */
    public boolean isJobEvent() {
        return name != null && name.startsWith("job.");
    }

    /** The frame's text on the wire, ending with its blank line. */
    public String frame() {
        if (rawFrame != null) {
            return rawFrame;
        }
        StringBuilder frame = new StringBuilder("event: ").append(name).append('\n');
        for (String line : dataJson.split("\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString();
    }
}

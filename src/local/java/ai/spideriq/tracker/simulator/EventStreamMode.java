package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How the event stream behaves for connections opened from now on, switchable at run time: as documented, or one of
 * the ways the docs say the real stream (a separate service from the jobs API) can fail while {@code /results}
 * works. Every mode still goes through the gateway (auth, rate limit, log).
 *
 * @param kind the behaviour
 * @param status the status a refusal answers (401, 403, 404, 429, 502, ...); 0 for the other kinds
 * @param retryAfter the {@code Retry-After} of a refusal, or {@code null} for none
 * @param silentAfter how long after connecting a {@link Kind#SILENT_AFTER} stream goes quiet; else {@code null}
 */
public record EventStreamMode(Kind kind, int status, Duration retryAfter, Duration silentAfter) {

    /** The behaviours, by their control-plane names. */
    public enum Kind {
        /** As documented: connected, heartbeats, job events. */
        NORMAL,
        /** Answers {@code status} with the API's {@code {"detail": ...}} instead of opening. */
        REFUSE,
        /** Accepts and never sends a byte, not even the headers. */
        STALL,
        /** Normal, then from {@code silentAfter} after connecting nothing at all, the connection left open. */
        SILENT_AFTER,
        /** Connected and job events, never a heartbeat. */
        NO_HEARTBEATS,
        /** Garbage frames interleaved with the real events, which still arrive. */
        MALFORMED,
        /** Connected, then an {@code error} event, then the server closes the stream. */
        ERROR;

        /** The control plane's name, e.g. {@code silent_after}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a control-plane name; {@link IllegalArgumentException} on an unknown one. */
        public static Kind fromWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown event stream mode: " + name);
        }
    }

    public static final EventStreamMode NORMAL = of(Kind.NORMAL);

    public EventStreamMode {
        if (kind == Kind.REFUSE ? status < 400 || status > 599 : status != 0 || retryAfter != null) {
            throw new IllegalArgumentException("Only a refusal takes a status (400..599) and a Retry-After");
        }
        if ((kind == Kind.SILENT_AFTER) != (silentAfter != null) || silentAfter != null && silentAfter.isNegative()) {
            throw new IllegalArgumentException("silent_after, and only it, takes a duration >= 0");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
    }

    /** A mode without parameters (normal, stall, no_heartbeats, malformed, error). */
    public static EventStreamMode of(Kind kind) {
        return new EventStreamMode(kind, 0, null, null);
    }

    /** Refuses with {@code status}; a 429 carries {@code Retry-After: 60}, as the rate limit's would. */
    public static EventStreamMode refuse(int status) {
        return refuse(status, status == 429 ? Duration.ofSeconds(60) : null);
    }

    /** Refuses with {@code status} and the given {@code Retry-After} ({@code null} for none). */
    public static EventStreamMode refuse(int status, Duration retryAfter) {
        return new EventStreamMode(Kind.REFUSE, status, retryAfter, null);
    }

    public static EventStreamMode silentAfter(Duration after) {
        return new EventStreamMode(Kind.SILENT_AFTER, 0, null, after);
    }

    /** What a refusing mode answers instead of a stream: the docs' {@code {"detail"}} body; empty otherwise. */
    Optional<SimulatedResponse> refusal() {
        if (kind != Kind.REFUSE) {
            return Optional.empty();
        }
        return Optional.of(SimulatedResponse.detail(status, ApiGateway.detailFor(status)).withRetryAfter(retryAfter));
    }

    /** Whether a stream in this mode sends anything at all. */
    boolean sendsAnything() {
        return kind != Kind.STALL;
    }
}

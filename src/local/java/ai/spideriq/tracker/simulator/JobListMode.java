package ai.spideriq.tracker.simulator;

import java.util.Locale;

/**
 * How {@code GET /api/v1/jobs/list} behaves, switchable at run time: as documented, or one of the ways a client can
 * find it broken. Every mode still goes through the gateway (auth, rate limit, log).
 *
 * @param kind the behaviour
 * @param status the status answered by {@link Kind#STATUS}; 0 for the other kinds
 */
public record JobListMode(Kind kind, int status) {

    /** The behaviours, by their control-plane names. */
    public enum Kind {
        /** The documented answer. */
        NORMAL,
        /** 404 {@code {"detail":"Not Found"}}, as a deployment without the endpoint. */
        MISSING,
        /** A chosen error status with a {@code {"detail": ...}} body. */
        STATUS,
        /** 200 with a body that is not JSON (cut off mid-document). */
        GARBAGE,
        /** 200 with JSON that is not the documented shape ({@code {"items": [...]}}). */
        WRONG_SHAPE,
        /** 200, documented shape, no jobs and total 0 although jobs exist. */
        EMPTY,
        /** Accepted, counted and logged, then no answer at all: the connection stays open until the client gives up. */
        STALL;

        /** The control plane's name, e.g. {@code wrong_shape}. */
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
            throw new IllegalArgumentException("Unknown list mode: " + name);
        }
    }

    public static final JobListMode NORMAL = new JobListMode(Kind.NORMAL, 0);

    public JobListMode {
        if (kind == Kind.STATUS ? status < 400 || status > 599 : status != 0) {
            throw new IllegalArgumentException("Only the status mode takes a status, an error status 400..599");
        }
    }

    public static JobListMode missing() {
        return new JobListMode(Kind.MISSING, 0);
    }

    /** Answers {@code errorStatus} (400..599) with a {@code {"detail": ...}} body. */
    public static JobListMode status(int errorStatus) {
        return new JobListMode(Kind.STATUS, errorStatus);
    }

    public static JobListMode garbage() {
        return new JobListMode(Kind.GARBAGE, 0);
    }

    public static JobListMode wrongShape() {
        return new JobListMode(Kind.WRONG_SHAPE, 0);
    }

    public static JobListMode empty() {
        return new JobListMode(Kind.EMPTY, 0);
    }

    public static JobListMode stall() {
        return new JobListMode(Kind.STALL, 0);
    }
}

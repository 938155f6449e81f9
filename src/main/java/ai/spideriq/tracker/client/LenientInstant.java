package ai.spideriq.tracker.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** SpiderIQ's timestamps: ISO-8601 with {@code Z}, with an offset, or without either (newer versions), taken as UTC. */
final class LenientInstant {

    private LenientInstant() {
    }

    /** Parses an ISO-8601 date-time; a value without zone or offset is taken as UTC. */
    static Instant parse(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME
                .parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset
                ? offset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}

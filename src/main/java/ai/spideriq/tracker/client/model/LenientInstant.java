package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 timestamps as {@link Instant}: reads {@code Z}, offsets and zone-less values (taken as UTC), writes
 * ISO-8601 instants such as {@code 2026-01-18T12:31:37.073080Z}.
 *
 * <p>Both directions are self-contained, so they neither need the JSR-310 module nor depend on
 * WRITE_DATES_AS_TIMESTAMPS.
 */
public final class LenientInstant {

    private LenientInstant() {
    }

    /** Parses an ISO-8601 date-time; a value without zone or offset is taken as UTC. */
    public static Instant parse(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME
                .parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset
                ? offset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /** Formats as an ISO-8601 instant in UTC. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Jackson deserializer using {@link #parse(String)}. */
    public static final class Deserializer extends StdScalarDeserializer<Instant> {

        public Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            if (text.isBlank()) {
                return null;
            }
            try {
                return parse(text);
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time: %s",
                        e.getMessage());
            }
        }
    }

    /** Jackson serializer using {@link #format(Instant)}. */
    public static final class Serializer extends StdScalarSerializer<Instant> {

        public Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }
}

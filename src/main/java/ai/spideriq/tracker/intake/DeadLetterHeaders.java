package ai.spideriq.tracker.intake;

import java.util.Locale;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers the service itself puts on dead-letter records, named in this one place. A submitter's own headers of
 * these names are dropped from its dead-lettered copy, so that what a DLQ consumer reads under them (first or last)
 * is the service's word, never a forged one. Names are compared case-insensitively: Kafka's are case-sensitive, but
 * tools and bridges that are not would otherwise still show a forged {@code Dead-Letter-Reason}.
 */
public final class DeadLetterHeaders {

    /** The reason code, e.g. {@code invalid_job_id}. */
    public static final String REJECTION_REASON = "spideriq-rejection-reason";
    /** The reason code, a colon and the detail; with the four below, what the connector's own DLQ strategy writes. */
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    /** Written only by the connector's DLQ strategy (failures the consumer does not handle), and documented as ours. */
    public static final String CAUSE = "dead-letter-cause";
    public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    /** The original value's size in bytes, on truncated copies. */
    public static final String ORIGINAL_SIZE = "spideriq-original-size";
    /** The SHA-256 of the original value (hex), on truncated copies. */
    public static final String ORIGINAL_SHA256 = "spideriq-original-sha256";
    /** The error of the first write, on the small copy written after it failed. */
    public static final String WRITE_ERROR = "spideriq-dead-letter-error";

    /** Every name above, lower case. */
    static final Set<String> RESERVED = Set.of(REJECTION_REASON, REASON, TOPIC, PARTITION, OFFSET, EXCEPTION_CLASS,
            CAUSE, CAUSE_CLASS, ORIGINAL_SIZE, ORIGINAL_SHA256, WRITE_ERROR);

    private DeadLetterHeaders() {
    }

    static boolean reserved(String name) {
        return name != null && RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A copy of {@code original} without the reserved names, in any case; every other header as it came. */
    static Headers withoutReserved(Headers original) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : original) {
            if (!reserved(header.key())) {
                kept.add(header);
            }
        }
        return kept;
    }
}

package ai.spideriq.tracker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.intake.RejectedSubmission.Reason;

class SubmissionParserTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";
    private final SubmissionParser parser = new SubmissionParser(1024);

    @Test
    void readsAJsonObjectWithItsType() {
        Submission submission = parse(ID, "{\"job_id\":\"" + ID + "\",\"type\":\"spiderMaps\",\"extra\":1}");

        assertThat(submission).isEqualTo(new Submission(UUID.fromString(ID), "spiderMaps"));
    }

    @Test
    void readsABareIdAJsonStringAndAnObjectWithoutType() {
        assertThat(parse(null, ID).jobId()).isEqualTo(UUID.fromString(ID));
        assertThat(parse(null, "\"" + ID + "\"").jobId()).isEqualTo(UUID.fromString(ID));
        assertThat(parse(null, "{\"job_id\":\"" + ID.toUpperCase() + "\"}").type()).isNull();
    }

    @Test
    void rejectsEachKindOfBadRecordWithItsReason() {
        assertRejected(null, null, Reason.EMPTY_RECORD);
        assertRejected(null, "   ", Reason.EMPTY_RECORD);
        assertRejected(null, "x".repeat(1025), Reason.RECORD_TOO_LARGE);
        assertRejected(null, "{\"job_id\": ", Reason.MALFORMED_JSON);
        assertRejected(null, "[\"" + ID + "\"]", Reason.MALFORMED_JSON);
        assertRejected(null, "{\"type\":\"spiderSite\"}", Reason.MISSING_JOB_ID);
        assertRejected(null, "{\"job_id\":42}", Reason.INVALID_JOB_ID);
        assertRejected(null, "not-a-uuid", Reason.INVALID_JOB_ID);
        // Java's UUID parser would take this; a URL must not.
        assertRejected(null, "1-2-3-4-5", Reason.INVALID_JOB_ID);
        assertRejected(null, "{\"job_id\":\"../../admin\"}", Reason.INVALID_JOB_ID);
        assertRejected(null, "{\"job_id\":\"" + ID + "\",\"type\":\"spiderX\"}", Reason.UNKNOWN_JOB_TYPE);
        assertRejected(UUID.randomUUID().toString(), ID, Reason.KEY_MISMATCH);
    }

    @Test
    void theReasonCodeLeadsTheMessage() {
        assertThatThrownBy(() -> parse(null, "nope")).hasMessageStartingWith("invalid_job_id: ");
    }

    @Test
    void aKeyThatIsNotUtf8IsNotTheJobIdAndIsShownByItsLengthOnly() {
        byte[] value = ID.getBytes(StandardCharsets.UTF_8);
        // Not UTF-8: stray bytes, an overlong '/', an encoded surrogate. A lenient decoding would make text of each.
        for (byte[] key : new byte[][] { { (byte) 0xff, (byte) 0xfe, 0x00 }, { (byte) 0xc0, (byte) 0xaf },
                { (byte) 0xed, (byte) 0xa0, (byte) 0x80 } }) {
            assertThatThrownBy(() -> parser.parse(key, value)).isInstanceOf(RejectedSubmission.class)
                    .satisfies(e -> assertThat(((RejectedSubmission) e).reason()).isEqualTo(Reason.KEY_MISMATCH))
                    .hasMessage("key_mismatch: the key (" + key.length
                            + " bytes) is not valid UTF-8, so not the job ID " + ID);
        }
    }

    private Submission parse(String key, String value) {
        return parser.parse(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(String key, String value, Reason reason) {
        assertThatThrownBy(() -> parse(key, value)).isInstanceOf(RejectedSubmission.class)
                .satisfies(e -> assertThat(((RejectedSubmission) e).reason()).as(value).isEqualTo(reason));
    }
}

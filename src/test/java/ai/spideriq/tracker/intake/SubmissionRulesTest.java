package ai.spideriq.tracker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.intake.RejectedSubmission.Reason;

/** The submission rules of docs/topics.md, one by one: what is ambiguous is rejected, not guessed. */
class SubmissionRulesTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";
    private final SubmissionParser parser = new SubmissionParser(65536);

    @Test
    void anIdPaddedWithWhitespaceOrLineBreaksIsNotTheId() {
        assertRejected(null, " " + ID, Reason.INVALID_JOB_ID);
        assertRejected(null, ID + "\n", Reason.INVALID_JOB_ID);
        assertRejected(null, "{\"job_id\":\" " + ID + "\"}", Reason.INVALID_JOB_ID);
        assertRejected(null, "{\"job_id\":\"" + ID + "\\n\"}", Reason.INVALID_JOB_ID);
        assertRejected(null, "\"" + ID + "\\r\\n\"", Reason.INVALID_JOB_ID);
    }

    @Test
    void whitespaceBetweenJsonTokensIsJustJson() {
        assertThat(parse(null, "\n  { \"job_id\" : \"" + ID + "\" }\n").jobId()).isEqualTo(UUID.fromString(ID));
    }

    @Test
    void aTypeLeftOutOrNullIsNotGivenAsTheV1SchemaSaysAnythingElseButTheTwoNamesIsRejected() {
        assertThat(parse(null, "{\"job_id\":\"" + ID + "\",\"type\":null}").type()).isNull();
        assertThat(parse(null, "{\"job_id\":\"" + ID + "\"}").type()).isNull();
        assertRejected(null, "{\"job_id\":\"" + ID + "\",\"type\":1}", Reason.UNKNOWN_JOB_TYPE);
        assertRejected(null, "{\"job_id\":\"" + ID + "\",\"type\":\"\"}", Reason.UNKNOWN_JOB_TYPE);
        assertRejected(null, "{\"job_id\":\"" + ID + "\",\"type\":\"spidersite\"}", Reason.UNKNOWN_JOB_TYPE);
    }

    @Test
    void anEmptyKeyIsAKeyThatIsNotTheJobId() {
        assertRejected("", ID, Reason.KEY_MISMATCH);
        assertRejected(" " + ID, ID, Reason.KEY_MISMATCH);
        assertThat(parse(ID.toUpperCase(), ID).jobId()).isEqualTo(UUID.fromString(ID));
        assertThat(parse(null, ID).jobId()).isEqualTo(UUID.fromString(ID));
    }

    @Test
    void twoFieldsOfTheSameNameAreMalformed() {
        String other = UUID.randomUUID().toString();
        assertRejected(null, "{\"job_id\":\"" + other + "\",\"job_id\":\"" + ID + "\"}", Reason.MALFORMED_JSON);
        assertRejected(null, "{\"job_id\":\"" + ID + "\",\"type\":\"spiderSite\",\"type\":\"spiderMaps\"}",
                Reason.MALFORMED_JSON);
    }

    @Test
    void otherFieldsAreIgnoredHoweverDeeplyTheyNestWithinTheSizeLimit() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Submission submission = parse(null, "{\"job_id\":\"" + ID + "\",\"x\":" + deep + ",\"type\":\"spiderSite\"}");

        assertThat(submission).isEqualTo(new Submission(UUID.fromString(ID), "spiderSite"));
    }

    @Test
    void contentAfterTheJsonValueIsMalformed() {
        assertRejected(null, "{\"job_id\":\"" + ID + "\"} {}", Reason.MALFORMED_JSON);
        assertRejected(null, "\"" + ID + "\" x", Reason.MALFORMED_JSON);
    }

    @Test
    void theReasonQuotesAndEscapesTheInputAndCapsItsLength() {
        String forged = ID + "\n2026 INFO  [fake] forged\u001b[31m" + "x".repeat(500);

        assertThatThrownBy(() -> parse(null, forged)).satisfies(e -> {
            String message = e.getMessage();
            assertThat(message).doesNotContain("\n", "\u001b").contains("\\n2026 INFO", "\\u001b");
            assertThat(message.length()).isLessThan(200);
        });
        assertThatThrownBy(() -> parse("key\nwith line", ID)).satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("\n").contains("\"key\\nwith line\""));
    }

    private Submission parse(String key, String value) {
        return parser.parse(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(String key, String value, Reason reason) {
        assertThatThrownBy(() -> parse(key, value)).isInstanceOf(RejectedSubmission.class)
                .satisfies(e -> assertThat(((RejectedSubmission) e).reason()).as(value).isEqualTo(reason));
    }
}

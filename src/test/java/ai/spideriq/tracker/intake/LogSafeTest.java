package ai.spideriq.tracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void quotesEscapesAndCaps() {
        assertThat(LogSafe.quoted("a\"b\\c\nd\u001b[0m\u202e\u2028", 100))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\u001b[0m\\u202e\\u2028\"");
        assertThat(LogSafe.quoted("x".repeat(10), 4)).isEqualTo("\"xxxx\"...");
        assertThat(LogSafe.quoted(null, 4)).isEqualTo("null");
    }

    @Test
    void escapingTextMadeOfQuotedPartsChangesNothing() {
        String safe = "invalid_job_id: " + LogSafe.quoted("a\nb\\", 64) + " is not a UUID";

        assertThat(LogSafe.escaped(safe, 300)).isEqualTo(safe);
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        assertThat(LogSafe.quoted("ab\uD83D\uDE00", 3)).isEqualTo("\"ab\"...");
    }
}

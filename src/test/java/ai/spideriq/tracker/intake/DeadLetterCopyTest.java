package ai.spideriq.tracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterCopyTest {

    private static final int LIMIT = 1_048_576;

    @Test
    void aCopyThatFitsKeepsTheWholeValueAndAllHeaders() {
        DeadLetterCopy copy = DeadLetterCopy.of("k", new byte[1_048_000], original(), reason(), LIMIT, 65_536);

        assertThat(copy.truncated()).isFalse();
        assertThat(copy.value()).hasSize(1_048_000);
        assertThat(copy.headers().lastHeader("traceparent")).isNotNull();
        assertThat(copy.headers().lastHeader(DeadLetterCopy.ORIGINAL_SIZE)).isNull();
    }

    @Test
    void aCopyOverTheLimitKeepsKeyHeadersAndAPrefixWithTheOriginalSizeAndDigest() {
        DeadLetterCopy copy = DeadLetterCopy.of("k", new byte[1_048_480], original(), reason(), LIMIT, 65_536);

        assertThat(copy.truncated()).isTrue();
        assertThat(copy.key()).isEqualTo("k");
        assertThat(copy.value()).hasSize(65_536);
        assertThat(text(copy.headers(), DeadLetterCopy.ORIGINAL_SIZE)).isEqualTo("1048480");
        assertThat(text(copy.headers(), DeadLetterCopy.ORIGINAL_SHA256)).hasSize(64);
        assertThat(copy.headers().lastHeader("traceparent")).isNotNull();
        assertThat(DeadLetterCopy.size(copy.key(), copy.value(), copy.headers())).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void originalHeadersTooLargeToFitAreLeftOutRatherThanTheCopy() {
        RecordHeaders huge = new RecordHeaders();
        huge.add("blob", new byte[2_000_000]);

        DeadLetterCopy copy = DeadLetterCopy.of("k", new byte[10], huge, reason(), LIMIT, 65_536);

        assertThat(copy.headers().lastHeader("blob")).isNull();
        assertThat(text(copy.headers(), "spideriq-rejection-reason")).isEqualTo("record_too_large");
        assertThat(DeadLetterCopy.size(copy.key(), copy.value(), copy.headers())).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void theSmallCopyCarriesTheRefusedWritesErrorEscaped() {
        DeadLetterCopy copy = DeadLetterCopy.small("k", new byte[100_000], reason(), "too large\nforged");

        assertThat(copy.value()).hasSize(DeadLetterCopy.SMALL_PREFIX);
        assertThat(text(copy.headers(), DeadLetterCopy.WRITE_ERROR)).isEqualTo("too large\\nforged");
        assertThat(copy.headers().lastHeader("traceparent")).isNull();
    }

    private static Headers original() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Headers reason() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("spideriq-rejection-reason", "record_too_large".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String text(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}

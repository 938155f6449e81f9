package ai.spideriq.tracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterCopyTest {

    private static final int LIMIT = 1_048_576;
    private static final byte[] KEY = { 'k' };
    /** Not UTF-8: any decoding to text and back would change it. */
    private static final byte[] RAW_KEY = { (byte) 0xff, (byte) 0xfe, 0x00 };

    @Test
    void aCopyThatFitsKeepsTheWholeValueAndAllHeaders() {
        DeadLetterCopy copy = DeadLetterCopy.of(KEY, new byte[1_048_000], original(), reason(), LIMIT, 65_536);

        assertThat(copy.truncated()).isFalse();
        assertThat(copy.value()).hasSize(1_048_000);
        assertThat(copy.headers().lastHeader("traceparent")).isNotNull();
        assertThat(copy.headers().lastHeader(DeadLetterHeaders.ORIGINAL_SIZE)).isNull();
    }

    @Test
    void aCopyOverTheLimitKeepsKeyHeadersAndAPrefixWithTheOriginalSizeAndDigest() {
        DeadLetterCopy copy = DeadLetterCopy.of(KEY, new byte[1_048_480], original(), reason(), LIMIT, 65_536);

        assertThat(copy.truncated()).isTrue();
        assertThat(copy.key()).isEqualTo(KEY);
        assertThat(copy.value()).hasSize(65_536);
        assertThat(text(copy.headers(), DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo("1048480");
        assertThat(text(copy.headers(), DeadLetterHeaders.ORIGINAL_SHA256)).hasSize(64);
        assertThat(copy.headers().lastHeader("traceparent")).isNotNull();
        assertThat(DeadLetterCopy.size(copy.key(), copy.value(), copy.headers())).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void originalHeadersTooLargeToFitAreLeftOutRatherThanTheCopy() {
        RecordHeaders huge = new RecordHeaders();
        huge.add("blob", new byte[2_000_000]);

        DeadLetterCopy copy = DeadLetterCopy.of(KEY, new byte[10], huge, reason(), LIMIT, 65_536);

        assertThat(copy.headers().lastHeader("blob")).isNull();
        assertThat(text(copy.headers(), "spideriq-rejection-reason")).isEqualTo("record_too_large");
        assertThat(DeadLetterCopy.size(copy.key(), copy.value(), copy.headers())).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void theSmallCopyCarriesTheRefusedWritesErrorEscaped() {
        DeadLetterCopy copy = DeadLetterCopy.small(KEY, new byte[100_000], reason(), "too large\nforged");

        assertThat(copy.value()).hasSize(DeadLetterCopy.SMALL_PREFIX);
        assertThat(text(copy.headers(), DeadLetterHeaders.WRITE_ERROR)).isEqualTo("too large\\nforged");
        assertThat(copy.headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void theKeyIsKeptByteForByteWholeOrTruncated() {
        assertThat(DeadLetterCopy.of(RAW_KEY, new byte[10], original(), reason(), LIMIT, 65_536).key())
                .isEqualTo(RAW_KEY);
        DeadLetterCopy truncated = DeadLetterCopy.of(RAW_KEY, new byte[1_048_480], original(), reason(), LIMIT,
                65_536);
        assertThat(truncated.truncated()).isTrue();
        assertThat(truncated.key()).isEqualTo(RAW_KEY);
        assertThat(DeadLetterCopy.small(RAW_KEY, new byte[100_000], reason(), "too large").key()).isEqualTo(RAW_KEY);
    }

    @Test
    void onlyTheSmallCopyCapsTheKey() {
        byte[] key = new byte[DeadLetterCopy.SMALL_PREFIX * 3];
        Arrays.fill(key, (byte) 0xff);

        assertThat(DeadLetterCopy.of(key, new byte[1_048_480], original(), reason(), LIMIT, 65_536).key())
                .isEqualTo(key);
        assertThat(DeadLetterCopy.small(key, new byte[10], reason(), "too large").key())
                .isEqualTo(Arrays.copyOf(key, DeadLetterCopy.SMALL_PREFIX));
    }

    @Test
    void aSubmittersReservedHeadersAreDroppedInAnyCaseAndItsOthersKept() {
        RecordHeaders forged = new RecordHeaders();
        forged.add("spideriq-rejection-reason", bytes("forged"));
        forged.add("dead-letter-reason", bytes("forged"));
        forged.add("Dead-Letter-Offset", bytes("999999"));
        forged.add("SPIDERIQ-ORIGINAL-SHA256", bytes("forged"));
        forged.add("spideriq-dead-letter-error", bytes("forged"));
        forged.add("traceparent", bytes("00-abc-def-01"));
        forged.add("x-opaque", new byte[] { (byte) 0xff, 0x00 });

        for (DeadLetterCopy copy : List.of(DeadLetterCopy.of(KEY, new byte[10], forged, reason(), LIMIT, 65_536),
                DeadLetterCopy.of(KEY, new byte[1_048_480], forged, reason(), LIMIT, 65_536))) {
            assertThat(names(copy.headers())).containsOnlyOnce("spideriq-rejection-reason")
                    .doesNotContain("dead-letter-reason", "dead-letter-offset", "spideriq-dead-letter-error")
                    .contains("traceparent", "x-opaque");
            assertThat(text(copy.headers(), "spideriq-rejection-reason")).isEqualTo("record_too_large");
            assertThat(copy.headers().lastHeader("x-opaque").value()).isEqualTo(new byte[] { (byte) 0xff, 0x00 });
            // The truncated copy's digest is the service's own, the only one.
            assertThat(names(copy.headers()).stream().filter(DeadLetterHeaders.ORIGINAL_SHA256::equals).count())
                    .isEqualTo(copy.truncated() ? 1 : 0);
        }
    }

    @Test
    void everyHeaderTheServiceWritesIsReserved() {
        Headers reason = DeadLetterWriter.reasonHeaders("spideriq.jobs.submitted", 1, 42,
                new RejectedSubmission(RejectedSubmission.Reason.KEY_MISMATCH, "detail"));
        DeadLetterCopy copy = DeadLetterCopy.small(KEY, new byte[10], reason, "too large");

        assertThat(names(copy.headers())).hasSize(9).allMatch(DeadLetterHeaders::reserved);
    }

    /** Header names, lower case, once per header. */
    private static List<String> names(Headers headers) {
        return StreamSupport.stream(headers.spliterator(), false).map(h -> h.key().toLowerCase()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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

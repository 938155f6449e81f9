package ai.spideriq.tracker.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter record of a rejected submission: the original key and value bytes and the original headers except
 * the reserved ones ({@link DeadLetterHeaders}), plus the reason headers, or, when that would not fit the dead-letter
 * limit, a copy with the same key, a prefix of the value, its original size and digest. Sizes are Kafka's upper bound
 * for one record in a batch of its own, so a copy that fits here fits {@code max.request.size}.
 *
 * @param truncated whether {@code value} is only a prefix of the original
 */
public record DeadLetterCopy(byte[] key, byte[] value, Headers headers, boolean truncated) {

    /** The value prefix, and key prefix, of the smallest copy: enough to recognise the record. */
    static final int SMALL_PREFIX = 1024;
    /** Kafka's batch and record overhead, rounded up; each header adds its own varints. */
    private static final int RECORD_OVERHEAD = 128;
    private static final int HEADER_OVERHEAD = 16;

    /**
     * The copy to write first: everything when it fits {@code maxBytes}, else the key, the headers and as much of the
     * value as fits (at most {@code prefixBytes}); the original headers are left out only if they alone do not fit.
     * Original headers of a reserved name are never copied: {@code reason} alone says why.
     */
    static DeadLetterCopy of(byte[] key, byte[] value, Headers original, Headers reason, int maxBytes,
            int prefixBytes) {
        Headers all = merge(original, reason);
        if (size(key, value, all) <= maxBytes) {
            return new DeadLetterCopy(key, value, all, false);
        }
        Headers headers = withDigest(size(key, null, all) + 256 <= maxBytes ? all : reason, value);
        int room = maxBytes - size(key, null, headers);
        return new DeadLetterCopy(key, prefix(value, Math.max(0, Math.min(prefixBytes, room))), headers, true);
    }

    /**
     * The last try after a write failed for its size: no original headers, a short prefix of the value and of the
     * key (a key near the broker's limit may be what did not fit), the write's error.
     */
    static DeadLetterCopy small(byte[] key, byte[] value, Headers reason, String writeError) {
        Headers headers = withDigest(reason, value);
        headers.add(DeadLetterHeaders.WRITE_ERROR, LogSafe.escaped(writeError, 200).getBytes(StandardCharsets.UTF_8));
        return new DeadLetterCopy(prefix(key, SMALL_PREFIX), prefix(value, SMALL_PREFIX), headers, true);
    }

    static int size(byte[] key, byte[] value, Headers headers) {
        long size = RECORD_OVERHEAD + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (Header header : headers) {
            size += HEADER_OVERHEAD + header.key().getBytes(StandardCharsets.UTF_8).length
                    + (header.value() == null ? 0 : header.value().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static Headers merge(Headers original, Headers reason) {
        Headers all = DeadLetterHeaders.withoutReserved(original);
        reason.forEach(all::add);
        return all;
    }

    private static Headers withDigest(Headers headers, byte[] value) {
        RecordHeaders copy = new RecordHeaders();
        headers.forEach(copy::add);
        byte[] bytes = value == null ? new byte[0] : value;
        copy.add(DeadLetterHeaders.ORIGINAL_SIZE, Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        copy.add(DeadLetterHeaders.ORIGINAL_SHA256, sha256(bytes).getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static byte[] prefix(byte[] value, int length) {
        return value == null ? null : Arrays.copyOf(value, Math.min(length, value.length));
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

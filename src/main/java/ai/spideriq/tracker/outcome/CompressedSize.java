package ai.spideriq.tracker.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/** The size of a value once the producer has compressed it, measured with Kafka's own codec. */
public final class CompressedSize {

    private CompressedSize() {
    }

    /** {@code codec}: a {@code compression.type} (none, gzip, snappy, lz4, zstd). */
    public static int of(String codec, byte[] value) {
        Compression compression = Compression.of(CompressionType.forName(codec)).build();
        ByteBufferOutputStream out = new ByteBufferOutputStream(Math.max(1024, value.length / 4));
        try (OutputStream stream = compression.wrapForOutput(out, RecordBatch.CURRENT_MAGIC_VALUE)) {
            stream.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.position();
    }
}

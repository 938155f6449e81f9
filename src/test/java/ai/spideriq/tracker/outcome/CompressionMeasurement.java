package ai.spideriq.tracker.outcome;

import java.nio.charset.StandardCharsets;

import ai.spideriq.tracker.testing.MarkdownCompendium;

/**
 * Measures Kafka's codecs on real-looking compendiums, as the producer compresses them. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) ai.spideriq.tracker.outcome.CompressionMeasurement}.
 */
public final class CompressionMeasurement {

    public static void main(String[] args) {
        for (int size : new int[] { 1_000_000, 2_600_000, 5_000_000, 12_000_000 }) {
            byte[] text = MarkdownCompendium.of(size, size).getBytes(StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder(String.format("%,12d bytes:", text.length));
            for (String codec : new String[] { "zstd", "lz4", "gzip", "snappy" }) {
                long start = System.nanoTime();
                int compressed = CompressedSize.of(codec, text);
                long ms = (System.nanoTime() - start) / 1_000_000;
                line.append(String.format("  %s %,d (%.2fx, %d ms)", codec, compressed, (double) text.length / compressed,
                        ms));
            }
            System.out.println(line);
        }
    }
}

package ai.spideriq.tracker.time;

import java.time.Instant;
import java.time.InstantSource;

import io.github.bucket4j.TimeMeter;

/** Lets Bucket4j read an injected clock, so buckets refill on fake and virtual time too. */
public final class InstantSourceTimeMeter implements TimeMeter {

    private final InstantSource clock;

    public InstantSourceTimeMeter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}

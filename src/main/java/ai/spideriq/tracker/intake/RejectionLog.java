package ai.spideriq.tracker.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Logs rejected records at a bounded rate: the first few of each interval one by one, the rest as one count per
 * reason when the interval is over. A flood of bad records then costs a few log lines, not one each; the dead-letter
 * topic and {@code spideriq_intake_dead_lettered_total} carry every one.
 */
final class RejectionLog {

    private final InstantSource clock;
    private final int firstPerInterval;
    private final Duration interval;
    private final Consumer<String> warn;
    private final Map<String, Integer> notLogged = new TreeMap<>();
    private Instant intervalStart;
    private int logged;

    RejectionLog(InstantSource clock, int firstPerInterval, Duration interval, Consumer<String> warn) {
        this.clock = clock;
        this.firstPerInterval = firstPerInterval;
        this.interval = interval;
        this.warn = warn;
    }

    /** One rejected record; {@code line} (made of escaped parts) is logged only while under the interval's quota. */
    synchronized void rejected(String reason, String line) {
        rollOver();
        if (intervalStart == null) {
            intervalStart = clock.instant();
        }
        if (logged < firstPerInterval) {
            logged++;
            warn.accept(line);
        } else {
            notLogged.merge(reason, 1, Integer::sum);
        }
    }

    /** Called now and then: logs the counts of an interval that is over, even when no record came since. */
    synchronized void tick() {
        rollOver();
    }

    private void rollOver() {
        if (intervalStart == null || clock.instant().isBefore(intervalStart.plus(interval))) {
            return;
        }
        if (!notLogged.isEmpty()) {
            int total = notLogged.values().stream().mapToInt(Integer::intValue).sum();
            warn.accept(total + " more rejected records in the last " + interval.toSeconds()
                    + " s were not logged one by one, by reason: " + notLogged
                    + "; each is on the dead-letter topic and counted in spideriq_intake_dead_lettered_total");
            notLogged.clear();
        }
        intervalStart = null;
        logged = 0;
    }
}

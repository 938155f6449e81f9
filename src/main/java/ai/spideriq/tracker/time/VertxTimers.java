package ai.spideriq.tracker.time;

import java.time.Duration;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** {@link Timers} on Vert.x: one cheap timer, whose task runs on the given event-loop context. */
public final class VertxTimers implements Timers {

    private final Vertx vertx;
    private final Context context;

    public VertxTimers(Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        // Vert.x timers need at least 1 ms; a timer set from outside the context still runs its task on it.
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> context.runOnContext(v -> task.run()));
        return () -> vertx.cancelTimer(id);
    }
}

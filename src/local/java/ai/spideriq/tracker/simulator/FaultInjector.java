package ai.spideriq.tracker.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Scripted faults (FIFO) and random server errors. Not thread-safe: the simulator calls it under its lock. */
final class FaultInjector {

    private final double serverErrorFraction;
    private final RandomGenerator random;
    private final Deque<PendingFault> pending = new ArrayDeque<>();

    FaultInjector(double serverErrorFraction, RandomGenerator random) {
        this.serverErrorFraction = serverErrorFraction;
        this.random = random;
    }

    void inject(InjectedFault fault) {
        pending.addLast(new PendingFault(fault));
    }

    /** The scripted fault for the next response, if any, using it up. */
    Optional<InjectedFault> next() {
        PendingFault head = pending.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (--head.remaining == 0) {
            pending.removeFirst();
        }
        return Optional.of(head.fault);
    }

    /** Whether this admitted request fails at random; draws only when the fraction is positive. */
    boolean randomServerError() {
        return serverErrorFraction > 0 && random.nextDouble() < serverErrorFraction;
    }

    /** How many scripted fault responses are still to come. */
    int pendingResponses() {
        return pending.stream().mapToInt(fault -> fault.remaining).sum();
    }

    void clear() {
        pending.clear();
    }

    private static final class PendingFault {
        final InjectedFault fault;
        int remaining;

        PendingFault(InjectedFault fault) {
            this.fault = fault;
            this.remaining = fault.count();
        }
    }
}

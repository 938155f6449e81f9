package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A {@link SharedBucket} whose answers the test gives: at once by a rule, or later one by one. */
final class FakeSharedBucket implements SharedBucket {

    final List<Ask> asks = new ArrayList<>();
    private final Deque<CompletableFuture<Grant>> pending = new ArrayDeque<>();
    /** Answers every exchange at once when set; a rule that throws fails it (the store is away). */
    Function<Ask, Grant> rule;

    static Grant tokens(int tokens) {
        return new Grant(tokens, Duration.ZERO, Instant.EPOCH, 5);
    }

    @Override
    public CompletionStage<Grant> exchange(Ask ask) {
        asks.add(ask);
        CompletableFuture<Grant> answer = new CompletableFuture<>();
        if (rule == null) {
            pending.add(answer);
            return answer;
        }
        try {
            answer.complete(rule.apply(ask));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    void answer(Grant grant) {
        pending.removeFirst().complete(grant);
    }

    void fail() {
        pending.removeFirst().completeExceptionally(new IllegalStateException("Connection refused"));
    }

    long grantAsks() {
        return asks.stream().filter(ask -> ask.tokens() > 0).count();
    }
}

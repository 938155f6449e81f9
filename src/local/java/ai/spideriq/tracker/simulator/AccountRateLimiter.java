package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * SpiderIQ's limit per client account: a fixed window (opened by the first request after the previous one ended,
 * as the Python {@code limits} library does) of N requests, and a Bucket4j token bucket for bursts.
 * Rejected requests consume nothing. Not thread-safe: the simulator calls it under its lock.
 */
final class AccountRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitSettings settings;
    private final TimeMeter timeMeter;
    private final Map<String, AccountQuota> quotas = new HashMap<>();

    AccountRateLimiter(RateLimitSettings settings, TimeMeter timeMeter) {
        this.settings = settings;
        this.timeMeter = timeMeter;
    }

    /** Counts one request of {@code account} at {@code now} if both limits allow it. */
    RateLimitDecision tryAcquire(String account, Instant now) {
        AccountQuota quota = quotaOf(account, now);
        Instant windowEnd = quota.windowStart.plus(settings.window());
        if (quota.count >= settings.requestsPerWindow()) {
            long bucketWait = quota.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            long windowWait = Duration.between(now, windowEnd).toNanos();
            return rejected(quota, windowEnd, Math.max(bucketWait, windowWait));
        }
        ConsumptionProbe probe = quota.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return rejected(quota, windowEnd, probe.getNanosToWaitForRefill());
        }
        quota.count++;
        return decision(true, quota, windowEnd, 0);
    }

    /** The headers' numbers for {@code account} at {@code now}, without counting a request. */
    RateLimitDecision peek(String account, Instant now) {
        AccountQuota quota = quotaOf(account, now);
        return decision(true, quota, quota.windowStart.plus(settings.window()), 0);
    }

    /** Forgets every account's usage. */
    void reset() {
        quotas.clear();
    }

    private AccountQuota quotaOf(String account, Instant now) {
        AccountQuota quota = quotas.computeIfAbsent(account, key -> new AccountQuota(newBucket(), now));
        if (!now.isBefore(quota.windowStart.plus(settings.window()))) {
            quota.windowStart = now;
            quota.count = 0;
        }
        return quota;
    }

    private RateLimitDecision rejected(AccountQuota quota, Instant windowEnd, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        return decision(false, quota, windowEnd, seconds);
    }

    private RateLimitDecision decision(boolean allowed, AccountQuota quota, Instant windowEnd, long retryAfter) {
        long reset = windowEnd.getEpochSecond() + (windowEnd.getNano() > 0 ? 1 : 0);
        int remaining = Math.max(0, settings.requestsPerWindow() - quota.count);
        return new RateLimitDecision(allowed, settings.requestsPerWindow(), remaining, reset, retryAfter);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.burst())
                        .refillGreedy(settings.requestsPerWindow(), settings.window()))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    /** One account's window and bucket. */
    private static final class AccountQuota {
        final Bucket bucket;
        Instant windowStart;
        int count;

        AccountQuota(Bucket bucket, Instant windowStart) {
            this.bucket = bucket;
            this.windowStart = windowStart;
        }
    }
}

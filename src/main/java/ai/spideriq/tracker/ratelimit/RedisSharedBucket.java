package ai.spideriq.tracker.ratelimit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import ai.spideriq.tracker.ratelimit.SharedBucket.Ask;
import ai.spideriq.tracker.ratelimit.SharedBucket.Grant;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The {@link SharedBucket} in Redis: one Lua script per exchange, so refill, the server's count, the pause and the
 * grant are one atomic step whatever the number of replicas. The bucket and the window are the local ones with the
 * whole share: capacity {@code burst}, refilled greedily at {@code requests-per-minute} a minute, and the grant times
 * of the last {@link ApiRateLimiter#COUNTED} (a list, newest first), at most {@code requests-per-minute} of them, so no 60 s
 * holds
 * more. Refill and window run on Redis's clock (one clock for the fleet); the pause is judged on the callers' clocks,
 * which set it. Vert.x's own client: non-blocking, answers on an event loop.
 */
public final class RedisSharedBucket implements SharedBucket {

    /**
     * KEYS: the bucket (a hash of tokens and the microsecond they were counted at), the pause (epoch ms), the send
     * times of the last minute (microseconds, newest first). ARGV: capacity, refill per minute, tokens wanted, server
     * remaining (-1: none), pause until (epoch ms, 0: none), the caller's now (epoch ms), the most a minute holds, how
     * long a grant counts (microseconds).
     * Returns tokens granted, microseconds to the next token (or the window's next free place), the pause, whole
     * tokens left.
     * Keys expire once they no longer matter (a bucket left alone that long is full, which is what a missing one is).
     */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local capacity = tonumber(ARGV[1])
            local perMicro = tonumber(ARGV[2]) / 60000000
            local wanted = tonumber(ARGV[3])
            local remaining = tonumber(ARGV[4])
            local pause = tonumber(ARGV[5])
            local callerNow = tonumber(ARGV[6])
            local windowLimit = tonumber(ARGV[7])
            local minute = tonumber(ARGV[8])
            while true do
              local oldest = redis.call('LINDEX', KEYS[3], -1)
              if not oldest or tonumber(oldest) > now - minute then break end
              redis.call('RPOP', KEYS[3])
            end
            local free = windowLimit - redis.call('LLEN', KEYS[3])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * perMicro)
              at = now
            end
            if remaining >= 0 and tokens > remaining then tokens = remaining end
            local pausedUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
            if pause > pausedUntil then
              pausedUntil = pause
              redis.call('SET', KEYS[2], string.format('%d', pause), 'PX', math.max(1, pause - callerNow) + 60000)
            end
            local granted = 0
            if callerNow >= pausedUntil then granted = math.max(0, math.min(wanted, math.floor(tokens), free)) end
            tokens = tokens - granted
            for i = 1, granted do redis.call('LPUSH', KEYS[3], string.format('%d', now)) end
            if granted > 0 then redis.call('PEXPIRE', KEYS[3], math.ceil(minute / 1000) + 1000) end
            local wait = 0
            if tokens < 1 then wait = math.ceil((1 - tokens) / perMicro) end
            if free - granted <= 0 then
              wait = math.max(wait, tonumber(redis.call('LINDEX', KEYS[3], -1)) + minute - now)
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', at))
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMicro / 1000) + 60000)
            return {granted, wait, pausedUntil, math.floor(tokens)}
            """;

    private final Vertx vertx;
    private final Redis redis;
    private final String bucketKey;
    private final String pauseKey;
    private final String windowKey;
    private final int capacity;
    private final int requestsPerMinute;
    private final Duration timeout;

    /**
     * @param url {@code redis://[:password@]host:port[/db]}
     * @param keyPrefix the keys' common prefix: replicas with the same prefix share one bucket
     * @param timeout the longest one exchange may take, connecting included
     */
    public RedisSharedBucket(Vertx vertx, String url, String keyPrefix, int requestsPerMinute, int burst,
            Duration timeout) {
        this.vertx = vertx;
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(2).setMaxPoolWaiting(16);
        options.getNetClientOptions().setConnectTimeout((int) timeout.toMillis());
        this.redis = Redis.createClient(vertx, options);
        this.bucketKey = keyPrefix + ":bucket";
        this.pauseKey = keyPrefix + ":paused-until";
        this.windowKey = keyPrefix + ":sent";
        this.capacity = burst;
        this.requestsPerMinute = requestsPerMinute;
        this.timeout = timeout;
        // Connects and runs the script once now (taking nothing), so that the first grant does not pay for it.
        exchange(new Ask(0, -1, Instant.MIN, Instant.now()));
    }

    @Override
    public CompletionStage<Grant> exchange(Ask ask) {
        CompletableFuture<Grant> result = new CompletableFuture<>();
        long timer = vertx.setTimer(timeout.toMillis(), id -> result.completeExceptionally(
                new TimeoutException("no answer within " + timeout.toMillis() + " ms")));
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(3).arg(bucketKey).arg(pauseKey).arg(windowKey).arg(capacity)
                .arg(requestsPerMinute).arg(ask.tokens()).arg(ask.remaining())
                .arg(ask.pauseUntil().equals(Instant.MIN) ? 0 : ask.pauseUntil().toEpochMilli())
                .arg(ask.now().toEpochMilli()).arg(requestsPerMinute).arg(ApiRateLimiter.COUNTED.toNanos() / 1000);
        redis.send(eval).onComplete(answer -> {
            vertx.cancelTimer(timer);
            if (answer.failed()) {
                result.completeExceptionally(answer.cause());
            } else {
                result.complete(grant(answer.result()));
            }
        });
        return result;
    }

    public void close() {
        redis.close();
    }

    private static Grant grant(Response reply) {
        return new Grant(reply.get(0).toInteger(), Duration.ofNanos(reply.get(1).toLong() * 1000),
                Instant.ofEpochMilli(reply.get(2).toLong()), reply.get(3).toLong());
    }

    /** Host and port of a Redis URL, for log lines: never its user or password. */
    public static String where(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? "(unparsable URL)"
                    : uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(unparsable URL)";
        }
    }
}

package ai.spideriq.tracker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the tracker. Each key is also an environment variable (upper case, dots and dashes as
 * underscores: {@code spideriq.poll.initial-delay} is {@code SPIDERIQ_POLL_INITIAL_DELAY}); docs/configuration.md lists them.
 */
@ConfigMapping(prefix = "spideriq")
public interface TrackerConfig {

    Api api();

    RateLimit rateLimit();

    /** The poll policy for jobs the API reports as still queued or processing. */
    Backoff poll();

    /** The backoff after 5xx answers, timeouts, connection errors and early 404s. */
    ErrorBackoff errorBackoff();

    /** Where polls are placed once job durations are learned. */
    Schedule schedule();

    /** The account's event stream, which announces ended jobs so that most of them cost one request. */
    Events events();

    /** Sweeps of the account's job list, which find ended jobs at a cost per sweep rather than per job. */
    Sweep sweep();

    /** How the replica that detects for the fleet shares what it learns with the others. */
    Hints hints();

    Tracking tracking();

    Intake intake();

    Topics topics();

    Kafka kafka();

    Outcomes outcomes();

    Summary summary();

    interface Api {
        /** Base URL of the SpiderIQ API; the tracker calls {@code <base-url>/api/v1/jobs/<job-id>/results}. */
        @WithDefault("https://spideriq.ai")
        URI baseUrl();

        /**
         * The account's API token, {@code client_id:api_key:api_secret}, sent as a Bearer token. Required: the
         * service refuses to start without it. Never logged.
         */
        Optional<String> token();

        /** How long one API request may take before it counts as failed and takes the error backoff. */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    interface RateLimit {
        /**
         * The tracker's share of the account's 100 requests/minute: the most all its replicas together send in any 60
         * seconds, burst included (the sustained pace is {@code requests-per-minute - burst}). Each replica takes the
         * fraction of it that its owned input partitions are of all of them. The rest is left to the services that
         * submit the jobs.
         */
        @WithDefault("90")
        int requestsPerMinute();

        /** Bucket capacity: how many of the minute's requests may go at once. Less than {@code requests-per-minute}. */
        @WithDefault("10")
        int burst();

        /** How long all polling pauses after a 429 that carries no {@code Retry-After}. */
        @WithDefault("30s")
        Duration defaultRetryAfter();

        /** How long all polling pauses after the API rejects the token (401/403) before it is tried again. */
        @WithDefault("60s")
        Duration authFailurePause();

        /**
         * Where the budget is kept: {@code local}, each replica a bucket of its owned partitions' share (nothing to
         * run, but an idle replica's part goes unspent), or {@code redis}, one bucket in Redis that all replicas take
         * from, with 429 pauses and the server's remaining count shared through it. While Redis does not answer, each
         * replica falls back to its local share.
         */
        @WithDefault("local")
        Store store();

        /** The Redis of {@code store=redis}. */
        SharedStore redis();

        enum Store {
            LOCAL,
            REDIS
        }
    }

    interface SharedStore {
        /** {@code redis://[:password@]host:port[/db]}; only its host and port are ever logged. */
        @WithDefault("redis://localhost:6379")
        String url();

        /** Prefix of the keys the bucket and the pause are kept under: replicas with the same prefix share a budget. */
        @WithDefault("spideriq-tracker:rate-limit")
        String keyPrefix();

        /** How long one call to Redis may take (connecting included) before the replica falls back to its share. */
        @WithDefault("300ms")
        Duration timeout();
    }

    /** Exponential backoff with jitter: {@code min(max-delay, initial-delay * multiplier^n) * (1 ± jitter)}. */
    interface Backoff {
        /** Delay before the first poll of a newly submitted job. */
        @WithDefault("5s")
        Duration initialDelay();

        /** Growth of the delay from one poll to the next. */
        @WithDefault("1.5")
        double multiplier();

        /** Cap on the delay between two polls of one job. */
        @WithDefault("60s")
        Duration maxDelay();

        /** Random spread applied to every delay, as a fraction (0.2 = ±20%), so jobs do not poll in lockstep. */
        @WithDefault("0.2")
        double jitter();
    }

    /** Same shape as {@link Backoff}, with its own defaults. */
    interface ErrorBackoff {
        /** Delay after the first consecutive failure of a job's poll. */
        @WithDefault("2s")
        Duration initialDelay();

        /** Growth of the delay with each further consecutive failure. */
        @WithDefault("2.0")
        double multiplier();

        /** Cap on the delay after failures. */
        @WithDefault("120s")
        Duration maxDelay();

        /** Random spread applied to every delay, as a fraction. */
        @WithDefault("0.2")
        double jitter();
    }

    interface Schedule {
        /**
         * When the budget is tight, the chance that a job still running at one poll has ended by the next. Polls are
         * placed at the learned duration quantiles {@code 1-(1-c)^n}: lower polls more often, for less lag at more
         * requests per job. While the event stream is up, the same chance for guard polls when the budget is slack.
         */
        @WithDefault("0.5")
        double hitChance();

        /**
         * The same chance when the budget is slack (the token bucket full); in between, the two are blended by how
         * full the bucket is. Lower spends idle budget on less lag.
         */
        @WithDefault("0.1")
        double slackHitChance();

        /** Shortest gap between two polls of one job. The longest is {@code poll.max-delay}. */
        @WithDefault("2s")
        Duration minGap();

        /** How fast learned durations fade: an ended job counts half after this many more of its type have ended. */
        @WithDefault("200")
        int halfLife();

        /** Ended jobs of a type needed before their learned durations are used; until then, the poll backoff. */
        @WithDefault("20")
        int minSamples();
    }

    interface Events {
        /** Whether the tracker listens to {@code /api/v1/events/stream} and polls a job as soon as it is announced. */
        @WithDefault("true")
        boolean enabled();

        /**
         * While the stream is up and the budget is tight, a job is still polled once at this quantile of its learned
         * duration, in case its event is lost (the stream is best effort) or it is cancelled (which has no event).
         * As the budget gets slack, guard polls come denser, down to {@code schedule.hit-chance}.
         */
        @WithDefault("0.95")
        double fallbackQuantile();

        /**
         * While the job-list sweeps work, the gap between a job's guard polls, whatever is learned (the sweeps see
         * every end; these polls only catch one a sweep missed). While only the stream is up, the longest gap
         * between polls of a job whose end has not been announced, and before durations are learned the gap when the
         * budget is tight (the poll backoff's when it is idle).
         */
        @WithDefault("120s")
        Duration fallbackInterval();

        /** Delay before reconnecting a dropped stream; it doubles with each failed attempt. */
        @WithDefault("1s")
        Duration reconnectDelay();

        /**
         * Cap on the delay between reconnection attempts. Long, since a stream that keeps being refused (a proxy or a
         * deployment without it) costs a request per attempt and tracking goes on without it.
         */
        @WithDefault("10m")
        Duration maxReconnectDelay();

        /**
         * A stream that sends no frame for this long is dropped and reconnected; SpiderIQ sends a heartbeat every
         * 30 s, so an open but silent connection (a stuck proxy) is not believed alive.
         */
        @WithDefault("75s")
        Duration idleTimeout();
    }

    /**
     * Sweeps of {@code GET /api/v1/jobs/list}, sorted by last update: one request finds the ends (cancellations too)
     * of up to a page of jobs. Off with a backoff while the list answers 404/400/422 or garbage.
     */
    interface Sweep {
        /** Whether the tracker sweeps the job list at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Shortest gap between sweeps while the event stream is down. Sweeps take the budget the rest of the tracker
         * leaves (its spent rate, lately), one sweep per spare request, up to this pace.
         */
        @WithDefault("2500ms")
        Duration idleInterval();

        /**
         * Shortest gap between sweeps while the stream is up: they are the net for lost events and cancellations, so
         * this bounds those jobs' lag (9 s keeps their p95 under 10 s, and that of all jobs under 5 s even when a
         * tenth of them end silently), at about 0.6 requests per job at 10 jobs/min.
         */
        @WithDefault("9s")
        Duration streamingInterval();

        /** Longest gap between sweeps: when the rest of the tracker leaves less than one request per gap. */
        @WithDefault("30s")
        Duration tightInterval();

        /**
         * The share of {@code rate-limit.requests-per-minute} that sweeps leave to the rest of the tracker: they take
         * what it spent lately leaves of the remainder. When requests queue for tokens, the others' spent rate no
         * longer shows their demand, and this is what makes sweeps back off then rather than keep their share (by
         * this share of the budget per minute). It is also headroom: jobs end at random, and a minute's requests
         * near the whole budget queue each end's read behind the others (8 % is about one standard deviation of 60
         * random ends a minute). Below load, it is budget left unused.
         */
        @WithDefault("0.08")
        double reserve();

        /** Jobs per page (the API allows at most 100). */
        @WithDefault("100")
        int pageSize();

        /**
         * Pages one sweep reads at most while paging back to what the previous sweep saw. A sweep stopped by it leaves
         * the rest to the sweeps after it, which read on one page more each until they reach it.
         */
        @WithDefault("5")
        int maxPages();

        /** Changes up to this much older than the newest one seen are read again (the list may lag). */
        @WithDefault("10s")
        Duration overlap();

        /**
         * How long sweeps stay off after an unusable answer, or 3 sweeps in a row without one; doubles with each
         * further one.
         */
        @WithDefault("1m")
        Duration offDelay();

        /** Cap on how long sweeps stay off. */
        @WithDefault("1h")
        Duration maxOffDelay();
    }

    /**
     * One replica (the owner of input partition 0) follows the event stream and sweeps the job list for the fleet,
     * and tells the others through the hints topic.
     */
    interface Hints {
        /**
         * How often the detecting replica publishes its coverage (stream up, sweeps working), and the others say
         * they await ends while they do. Coverage heard is believed for three intervals, then guard polls go back to
         * the plan without it.
         */
        @WithDefault("5s")
        Duration heartbeatInterval();
    }

    interface Tracking {
        /** A job not ended this long after the tracker first saw it is published as {@code tracking_deadline_exceeded}. */
        @WithDefault("6h")
        Duration deadline();

        /** A 404 within this long of first seeing the job is retried: the API may not know a fresh job yet. */
        @WithDefault("30s")
        Duration notFoundGrace();
    }

    interface Intake {
        /** Submitted records larger than this (bytes) go to the dead-letter topic. */
        @WithDefault("65536")
        int maxRecordBytes();

        /**
         * Largest dead-letter record (bytes, Kafka's upper bound for the record with its headers): also the DLQ
         * producer's {@code max.request.size}. Set it to at most the DLQ topic's {@code max.message.bytes}. A rejected
         * record whose copy would be larger is dead-lettered truncated: its key, headers, the first
         * {@code max-record-bytes} of its value, its original size and SHA-256.
         */
        @WithDefault("1048576")
        int deadLetterMaxBytes();

        /** Rejected records logged one by one per {@code rejection-log-interval}; the rest are logged as counts. */
        @WithDefault("5")
        int rejectionsLogged();

        /** The interval of {@code rejections-logged}, after which the records not logged are logged as counts. */
        @WithDefault("60s")
        Duration rejectionLogInterval();
    }

    interface Topics {
        /** Input: submitted job IDs. */
        @WithDefault("spideriq.jobs.submitted")
        String submitted();

        /** Rejected submissions, with the reason in headers. */
        @WithDefault("spideriq.jobs.submitted.dlq")
        String deadLetter();

        /** Outcomes of completed jobs, with their typed results. */
        @WithDefault("spideriq.jobs.completed")
        String completed();

        /** Outcomes of failed, unknown and timed-out jobs. */
        @WithDefault("spideriq.jobs.failed")
        String failed();

        /** Outcomes of cancelled jobs. */
        @WithDefault("spideriq.jobs.cancelled")
        String cancelled();

        /**
         * Internal compacted topic of the jobs in flight, co-partitioned with the input topic. Created at start-up
         * when absent.
         */
        @WithDefault("spideriq.tracker.in-flight")
        String inFlight();

        /**
         * Internal topic where the replica that detects for the fleet publishes what it learns (job ended, job
         * started, its coverage) and the others say they await ends. Created at start-up when absent (one partition,
         * one hour of retention).
         */
        @WithDefault("spideriq.tracker.hints")
        String hints();
    }

    interface Kafka {
        /** Consumer group of the input topic; replicas of one deployment share it. */
        @WithDefault("spideriq-tracker")
        String consumerGroup();

        /**
         * Replication factor of the internal topics (in-flight, hints) when the tracker creates them (-1: the
         * broker's default).
         */
        @WithDefault("-1")
        short inFlightReplicationFactor();

        /**
         * How often the tracker asks the Kafka cluster to describe itself (one small Admin request; the next is not
         * sent while one is still out), to know whether it can reach it.
         */
        @WithDefault("5s")
        Duration reachabilityInterval();

        /**
         * Readiness goes DOWN (check {@code kafka-broker}, {@code spideriq_kafka_reachable} 0) once no broker has
         * answered for this long, and UP again at the first answer. Liveness does not depend on it: a tracker waiting
         * for Kafka loses nothing, and a restart would not bring Kafka back.
         */
        @WithDefault("15s")
        Duration unreachableAfter();

        /**
         * How long a replica giving up input partitions waits for the outcomes of their jobs it is still writing, so
         * that the next owner finds those jobs ended instead of tracking them again and publishing a second outcome.
         * The consumer group's rebalance waits as long; it must stay well below {@code max.poll.interval.ms}.
         */
        @WithDefault("20s")
        Duration handoverWait();
    }

    interface Outcomes {
        /** Headers of a submission copied onto its outcome records (correlation and trace context). */
        @WithDefault("traceparent,tracestate,baggage,correlation-id,x-correlation-id,x-request-id,b3")
        List<String> passThroughHeaders();

        /**
         * The largest outcome record the outcome topics accept once compressed: their {@code max.message.bytes}
         * (the broker's default 1048588). A larger outcome is published as the explicit partial outcome.
         */
        @WithDefault("1048588")
        int maxRecordBytes();

        /**
         * The outcome producers' {@code compression.type}: {@code zstd} (3.2x on crawled markdown, so a 3 MB
         * compendium fits a default topic), {@code lz4} (2.0x), {@code gzip}, {@code snappy} or {@code none}.
         */
        @WithDefault("zstd")
        String compression();

        /**
         * The outcome producers' {@code max.request.size}, which Kafka checks before compression: the largest
         * outcome, uncompressed, that is ever sent whole. Keep it below the producer's 32 MiB buffer.
         */
        @WithDefault("16777216")
        int maxUncompressedBytes();

        /**
         * How long a failed outcome write (broker away, authorization, unknown topic) is retried before this
         * replica gives the job up; its in-flight record stays, so the next owner of its partition tracks it again.
         */
        @WithDefault("10m")
        Duration publishRetryFor();
    }

    /** The periodic one-line summary in the log, for operators watching a console or a log stream. */
    interface Summary {
        /** Whether the summary line is logged at all. */
        @WithDefault("true")
        boolean enabled();

        /** How often the summary line is logged. */
        @WithDefault("60s")
        Duration interval();
    }
}

package sdlab.chapters.traffic.responses;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;

/** Chapter 17's parameters: the clients and their backlog, the quota, the network and the retry settings. */
final class ResponsesParams {
    private ResponsesParams() {}

    static final Param<Integer> CLIENTS =
            Param.integer("clients", "API clients, each with its own key and quota", 10, 1, 500);
    static final Param<Integer> WORKERS = Param.integer("workers", "requests a client has in flight at once", 4, 1, 64);
    static final Param<Integer> TASKS = Param.integer(
            "tasks",
            "requests each client must get done, all due at the start (the throttling episode)",
            30,
            1,
            10_000);
    static final Param<Integer> LIMIT =
            Param.integer("limit", "each key's quota, in requests per second", 10, 1, 100_000);
    static final Param<Integer> BURST =
            Param.integer("burst", "requests a key may send at once above its steady rate", 5, 1, 100_000);
    static final Param<RateLimitAlgorithm> ALGORITHM = Param.choice(
            "algorithm", "the server's limiter", RateLimitAlgorithm.class, RateLimitAlgorithm.TOKEN_BUCKET);
    static final Param<RetryAfterFormat> RETRY_AFTER_FORMAT = Param.choice(
            "retry-after-format",
            "how the server writes Retry-After: whole seconds, or an HTTP-date",
            RetryAfterFormat.class,
            RetryAfterFormat.DELTA_SECONDS);
    static final Param<Duration> CLOCK_SKEW = Param.duration(
            "clock-skew",
            "largest offset of a client's wall clock from the server's, drawn per client (matters for HTTP-dates)",
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> LATENCY = Param.duration(
            "latency",
            "median one-way latency between a client and the server",
            Duration.ofMillis(10),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(1));
    static final Param<Duration> START_SPREAD = Param.duration(
            "start-spread",
            "clients start their backlog at a moment drawn from zero to this",
            Duration.ofMillis(100),
            Duration.ZERO,
            Duration.ofMinutes(1));
    static final Param<Integer> ATTEMPTS_MAX =
            Param.integer("attempts-max", "attempts per request before a client gives up on it", 100, 1, 10_000);
    static final Param<Duration> BLIND_DELAY = Param.duration(
            "blind-delay",
            "how long a client with no retry time waits before retrying",
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMinutes(1));
    static final Param<Duration> BACKOFF_BASE = Param.duration(
            "backoff-base",
            "the first backoff delay; each further attempt doubles it",
            Duration.ofMillis(100),
            Duration.ofNanos(1_000),
            Duration.ofMinutes(1));
    static final Param<Duration> BACKOFF_CAP = Param.duration(
            "backoff-cap",
            "the longest backoff delay",
            Duration.ofSeconds(10),
            Duration.ofNanos(1_000),
            Duration.ofHours(1));

    static final List<Param<?>> ALL = List.of(
            CLIENTS,
            WORKERS,
            TASKS,
            LIMIT,
            BURST,
            ALGORITHM,
            RETRY_AFTER_FORMAT,
            CLOCK_SKEW,
            LATENCY,
            START_SPREAD,
            ATTEMPTS_MAX,
            BLIND_DELAY,
            BACKOFF_BASE,
            BACKOFF_CAP);
}

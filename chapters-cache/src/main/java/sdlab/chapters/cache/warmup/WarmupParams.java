package sdlab.chapters.cache.warmup;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 13, with defaults sized so that one seed of every variant takes milliseconds. */
final class WarmupParams {
    private WarmupParams() {}

    static final Param<Integer> KEYS =
            Param.integer("keys", "records in the data set, each read rarely", 2000, 1, 1_000_000);
    static final Param<Integer> RECORD_BYTES =
            Param.integer("record-bytes", "size of a record in the cache", 512, 8, 1_000_000);
    static final Param<Integer> RATE =
            Param.integer("rate", "requests per second once the new instance takes traffic (Poisson)", 100, 1, 100_000);
    static final Param<Duration> WINDOW = Param.duration(
            "window",
            "how long the measured traffic after the deploy lasts",
            Duration.ofSeconds(3),
            Duration.ofMillis(10),
            Duration.ofMinutes(10));
    static final Param<Double> WRITE_SHARE =
            Param.decimal("write-share", "share of requests that update a record", 0.05, 0, 1);
    static final Param<Duration> TRAFFIC_AFTER = Param.duration(
            "traffic-after",
            "time from the new instance's start to its first request (its readiness delay in a rolling deploy)",
            Duration.ofSeconds(2),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> DB_LATENCY = Param.duration(
            "db-latency",
            "median time of a one-row database statement (log-normal, long tail)",
            Duration.ofMillis(20),
            Duration.ofNanos(1000),
            Duration.ofSeconds(10));
    static final Param<Integer> DB_CONNECTIONS =
            Param.integer("db-connections", "statements the database serves at once", 8, 1, 1024);
    static final Param<Integer> PAGE_SIZE =
            Param.integer("page-size", "rows per pre-population query", 100, 1, 100_000);
    static final Param<Integer> PAGES_IN_FLIGHT =
            Param.integer("pages-in-flight", "pre-population queries at a time, to spare the database", 2, 1, 1024);
    static final Param<Duration> TTL = Param.duration(
            "ttl",
            "how long a cached record lives (all variants but ttl-zero)",
            Duration.ofMinutes(10),
            Duration.ofMillis(1),
            Duration.ofDays(30));

    static final List<Param<?>> ALL = List.of(
            KEYS,
            RECORD_BYTES,
            RATE,
            WINDOW,
            WRITE_SHARE,
            TRAFFIC_AFTER,
            DB_LATENCY,
            DB_CONNECTIONS,
            PAGE_SIZE,
            PAGES_IN_FLIGHT,
            TTL);
}

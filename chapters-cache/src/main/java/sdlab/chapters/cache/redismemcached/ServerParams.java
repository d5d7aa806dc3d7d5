package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;

/** The knobs of chapter 11, with defaults sized so that one seed of every variant takes milliseconds. */
final class ServerParams {
    private ServerParams() {}

    // The crash scenario: writers, a machine crash, a restart.
    static final Param<Integer> WRITERS =
            Param.integer("writers", "client processes writing during the crash scenario", 8, 1, 256);
    static final Param<Integer> WRITE_RATE = Param.integer(
            "write-rate", "SETs per second arriving during the crash scenario (Poisson)", 100, 1, 100_000);
    static final Param<Integer> VALUE_BYTES = Param.integer("value-bytes", "size of every value", 100, 1, 1_000_000);
    static final Param<Duration> CRASH_EARLIEST = Param.duration(
            "crash-earliest",
            "earliest moment of the crash; each seed draws it uniformly up to --crash-latest",
            Duration.ofMillis(1200),
            Duration.ofMillis(10),
            Duration.ofMinutes(10));
    static final Param<Duration> CRASH_LATEST = Param.duration(
            "crash-latest",
            "latest moment of the crash",
            Duration.ofMillis(2800),
            Duration.ofMillis(10),
            Duration.ofMinutes(10));
    static final Param<Duration> DOWN_FOR = Param.duration(
            "down-for",
            "how long the node stays down before it restarts",
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Duration> FSYNC_LATENCY = Param.duration(
            "fsync-latency",
            "slowest disk sync; each sync takes uniformly from a quarter of this to this",
            Duration.ofMillis(2),
            Duration.ofNanos(4_000),
            Duration.ofSeconds(1));
    static final Param<Duration> SNAPSHOT_EVERY = Param.duration(
            "snapshot-every",
            "how often the RDB variant writes a snapshot if anything changed (Redis's save <seconds> 1)",
            Duration.ofSeconds(1),
            Duration.ofMillis(10),
            Duration.ofHours(1));

    // The eviction trial: a Zipfian stream through a store that holds a share of the keys.
    static final Param<Integer> KEYS =
            Param.integer("keys", "keys in the data set of the eviction and load scenarios", 1000, 10, 1_000_000);
    static final Param<Double> ZIPF = Param.decimal(
            "zipf", "skew of key popularity (Zipf exponent; 0 is uniform, about 1 is typical of caches)", 0.99, 0, 3);
    static final Param<Double> MEMORY_SHARE = Param.decimal(
            "memory-share", "cache memory as a share of the data set, in the eviction trial", 0.1, 0.001, 1);
    static final Param<Integer> EVICTION_REQUESTS = Param.integer(
            "eviction-requests", "GETs in the eviction trial (the first fifth warm the cache)", 4000, 100, 10_000_000);

    // The load scenario: closed-loop clients without think time saturate the node.
    static final Param<Integer> LOAD_CLIENTS =
            Param.integer("load-clients", "clients in the load scenario, each with one request in flight", 48, 1, 4096);
    static final Param<Integer> LOAD_OPS =
            Param.integer("load-ops", "requests each load client runs back to back", 10, 1, 1_000_000);
    static final Param<Duration> REQUEST_COST = Param.duration(
            "request-cost",
            "modelled service time of one request apart from parsing (socket reads and writes, dispatch, execution);"
                    + " the default is measured: the cache node spends 2.8-3.6 µs of user and 6.3-7.3 µs of system"
                    + " CPU on an unpipelined request (/proc/PID/stat around 300,000 redis-benchmark requests)",
            Duration.ofNanos(10_000),
            Duration.ofNanos(1),
            Duration.ofSeconds(1));
    static final Param<Double> PARSE_NS_PER_BYTE = Param.decimal(
            "parse-ns-per-byte",
            "parse cost of each byte scanned for a delimiter, in nanoseconds; the default is measured: the cache"
                    + " node's RESP parser decodes a chapter GET in 37 ns and a SET in 57 ns (JMH RespParseBenchmark),"
                    + " 3.1 ns per scanned byte, payload copies included",
            3.1,
            0,
            1000);
    static final Param<Integer> MEMCACHED_THREADS =
            Param.integer("memcached-threads", "worker threads of the memcached-like nodes", 4, 1, 256);

    static final List<Param<?>> ALL = List.of(
            WRITERS,
            WRITE_RATE,
            VALUE_BYTES,
            CRASH_EARLIEST,
            CRASH_LATEST,
            DOWN_FOR,
            FSYNC_LATENCY,
            SNAPSHOT_EVERY,
            KEYS,
            ZIPF,
            MEMORY_SHARE,
            EVICTION_REQUESTS,
            LOAD_CLIENTS,
            LOAD_OPS,
            REQUEST_COST,
            PARSE_NS_PER_BYTE,
            MEMCACHED_THREADS);

    /** Rejects values that are valid one by one but not together. */
    static void requireConsistent(ParamValues values) {
        if (values.get(CRASH_EARLIEST).compareTo(values.get(CRASH_LATEST)) > 0) {
            throw new ParamException("--crash-earliest must not be after --crash-latest, got "
                    + values.text(CRASH_EARLIEST) + " and " + values.text(CRASH_LATEST));
        }
    }

    /** The modelled service time of requests. */
    static ServiceCosts costs(ParamValues values) {
        return new ServiceCosts(values.get(REQUEST_COST).toNanos(), values.get(PARSE_NS_PER_BYTE));
    }
}

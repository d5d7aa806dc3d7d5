package sdlab.chapters.repl.readreplica;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 8, with defaults sized so that one seed of every variant takes well under a second. */
final class ReadReplicaParams {
    private ReadReplicaParams() {}

    static final Param<Integer> CLIENTS =
            Param.integer("clients", "client processes, each reading and writing one operation at a time", 8, 1, 64);
    static final Param<Double> WRITES = Param.decimal("writes", "share of operations that are writes", 0.2, 0, 1);
    static final Param<Integer> KEYS =
            Param.integer("keys", "keys (one page each), chosen uniformly", 1000, 1, 100_000);
    static final Param<Duration> THINK = Param.duration(
            "think",
            "mean pause between one client's operations (exponential)",
            Duration.ofMillis(1),
            Duration.ZERO,
            Duration.ofSeconds(10));
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> FSYNC = Param.duration(
            "fsync",
            "median log sync (log-normal, sigma 0.3)",
            Duration.ofMillis(1),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> APPLY = Param.duration(
            "apply",
            "a replica's applier time per entry whose page is cached",
            Duration.ofNanos(100_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Integer> CACHE_PAGES = Param.integer(
            "cache-pages", "pages each node's buffer cache holds (LRU); 0 for no cache model", 2000, 0, 10_000_000);
    static final Param<Duration> MISS = Param.duration(
            "miss",
            "one page read from disk after a cache miss (an injected cost input)",
            Duration.ofMillis(2),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Integer> DISK_SLOTS =
            Param.integer("disk-slots", "page reads a node's disk serves at once; more queue", 4, 1, 1024);
    static final Param<Integer> PAGE_KIB = Param.integer("page-kib", "KiB per page in a snapshot", 16, 1, 1024);
    static final Param<Integer> SNAPSHOT_MBPS = Param.integer(
            "snapshot-mbps", "snapshot link throughput, MB/s (a cost input pacing the chunks)", 100, 1, 100_000);
    static final Param<Integer> CHUNK_PAGES = Param.integer("chunk-pages", "pages per snapshot chunk", 64, 1, 100_000);
    static final Param<Duration> JOIN_AT = Param.duration(
            "join-at",
            "when the second replica starts to join (the first has served alone until then)",
            Duration.ofMillis(1500),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Duration> AFTER_JOIN = Param.duration(
            "after-join",
            "how long the run goes on after the join starts",
            Duration.ofMillis(2500),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Duration> LAG_BOUND = Param.duration(
            "lag-bound",
            "lag-aware: skip a replica whose polled Seconds_Behind_Source exceeds this",
            Duration.ofMillis(20),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> PROBE = Param.duration(
            "probe",
            "lag-aware: how often each client polls its replicas' lag",
            Duration.ofMillis(10),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Duration> READ_WAIT = Param.duration(
            "read-wait",
            "read-your-writes: how long a replica may hold a read for the client's last write",
            Duration.ofMillis(20),
            Duration.ZERO,
            Duration.ofMinutes(1));

    static final List<Param<?>> ALL = List.of(
            CLIENTS,
            WRITES,
            KEYS,
            THINK,
            ONE_WAY,
            FSYNC,
            APPLY,
            CACHE_PAGES,
            MISS,
            DISK_SLOTS,
            PAGE_KIB,
            SNAPSHOT_MBPS,
            CHUNK_PAGES,
            JOIN_AT,
            AFTER_JOIN,
            LAG_BOUND,
            PROBE,
            READ_WAIT);
}

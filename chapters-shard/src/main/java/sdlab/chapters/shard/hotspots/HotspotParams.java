package sdlab.chapters.shard.hotspots;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 16; the store is chapter 15's, under the same load. */
final class HotspotParams {
    private HotspotParams() {}

    static final Param<Integer> SHARDS = Param.integer("shards", "shards", 4, 2, 32);
    static final Param<Integer> KEYS = Param.integer("keys", "users loaded before the run", 20_000, 100, 1_000_000);
    static final Param<Double> RATE = Param.decimal("rate", "operations per second arriving (open loop)", 2400, 1, 1e6);
    static final Param<Duration> LENGTH = Param.duration(
            "length",
            "how long operations arrive",
            Duration.ofMillis(1000),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Duration> SERVICE = Param.duration(
            "service",
            "a shard's service time per request, one at a time (1 ms: 1000 a second at most)",
            Duration.ofMillis(1),
            Duration.ofNanos(1000),
            Duration.ofSeconds(1));
    static final Param<Integer> TOKENS =
            Param.integer("tokens", "tokens per shard of the virtual-node remedy", 256, 2, 4096);
    static final Param<Double> CELEBRITY =
            Param.decimal("celebrity", "share of operations that read the one celebrity user (the hot key)", 0.3, 0, 1);
    static final Param<Double> HOT_RANGE = Param.decimal(
            "hot-range", "share of operations on the hot range, one block of a hundredth of the ids", 0.5, 0, 1);
    static final Param<Double> KEY_LIMIT = Param.decimal(
            "key-limit",
            "requests a second a shard serves for a key its top-k names as hot, in the rate-limiting remedy",
            200,
            1,
            1e6);
    static final Param<Double> HOT_WRITE =
            Param.decimal("hot-write", "share of operations that write the one hot write key", 0.3, 0, 0.99);
    static final Param<Double> HOT_READ =
            Param.decimal("hot-read", "share of operations that read the one hot read key", 0.3, 0, 0.99);
    static final Param<Integer> SALTS =
            Param.integer("salts", "sub-keys a salted hot key is written as, and a read of it gathers", 8, 2, 256);
    static final Param<Duration> CACHE_TTL = Param.duration(
            "cache-ttl",
            "how long the read cache serves a value it fetched",
            Duration.ofMillis(20),
            Duration.ofNanos(1000),
            Duration.ofHours(1));
    static final Param<Integer> COPIES =
            Param.integer("copies", "copies of every shard in the read-copy remedies, the shard included", 3, 2, 16);
    static final Param<Double> SLOW_COPY = Param.decimal(
            "slow-copy",
            "how many times slower each shard's last copy serves than the others (a degraded node), in the read-copy"
                    + " remedies",
            3,
            1,
            100);
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(1000),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL = List.of(
            SHARDS, KEYS, RATE, LENGTH, SERVICE, TOKENS, CELEBRITY, HOT_RANGE, KEY_LIMIT, HOT_WRITE, HOT_READ, SALTS,
            CACHE_TTL, COPIES, SLOW_COPY, ONE_WAY);
}

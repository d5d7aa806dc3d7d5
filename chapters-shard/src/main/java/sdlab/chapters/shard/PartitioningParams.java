package sdlab.chapters.shard;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 15, with defaults sized so that one seed of every variant takes tens of milliseconds. */
final class PartitioningParams {
    private PartitioningParams() {}

    static final Param<Integer> SHARDS =
            Param.integer("shards", "shards at the start (one more joins later)", 4, 2, 32);
    static final Param<Integer> KEYS = Param.integer(
            "keys", "users loaded before the run (keys u00000000, u00000001, ...)", 20_000, 100, 1_000_000);
    static final Param<Double> RATE = Param.decimal(
            "rate",
            "operations per second arriving (open loop: they arrive whether or not shards keep up)",
            2400,
            1,
            1e6);
    static final Param<Duration> LENGTH = Param.duration(
            "length",
            "how long operations arrive",
            Duration.ofMillis(1000),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Duration> SERVICE = Param.duration(
            "service",
            "a shard's service time per get, put or aggregate leg, one at a time: 1 ms makes 1000 per second its limit",
            Duration.ofMillis(1),
            Duration.ofNanos(1000),
            Duration.ofSeconds(1));
    static final Param<Duration> PER_KEY = Param.duration(
            "per-key",
            "a shard's extra service time per entry a scan returns",
            Duration.ofNanos(10_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Integer> TOKENS = Param.integer(
            "tokens",
            "tokens per shard of the consistent-hashing variants with virtual nodes (num_tokens)",
            256,
            2,
            4096);
    static final Param<Double> ZIPF = Param.decimal(
            "zipf", "the skew of the zipfian workload: key of rank r drawn with weight 1/(r+1)^zipf", 0.99, 0, 3);
    static final Param<Integer> SCAN_LENGTH =
            Param.integer("scan-length", "users a range scan covers (a page of consecutive ids)", 100, 1, 100_000);
    static final Param<Integer> RANGES_PER_SHARD = Param.integer(
            "ranges-per-shard", "ranges per shard when range partitioning starts (equal key counts)", 8, 1, 1024);
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(1000),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL =
            List.of(SHARDS, KEYS, RATE, LENGTH, SERVICE, PER_KEY, TOKENS, ZIPF, SCAN_LENGTH, RANGES_PER_SHARD, ONE_WAY);
}

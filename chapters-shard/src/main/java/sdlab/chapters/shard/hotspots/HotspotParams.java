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
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(1000),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL =
            List.of(SHARDS, KEYS, RATE, LENGTH, SERVICE, TOKENS, CELEBRITY, HOT_RANGE, KEY_LIMIT, ONE_WAY);
}

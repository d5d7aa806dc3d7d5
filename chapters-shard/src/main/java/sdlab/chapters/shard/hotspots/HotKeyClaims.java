package sdlab.chapters.shard.hotspots;

import static sdlab.chapters.shard.hotspots.HotspotClaims.v;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_READ_REQUESTS;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_SERVED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_SERVED_BOUND;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_WRITES_BUSIEST;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.STALENESS_MAX;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.STALE_READS;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;

/**
 * Chapter 16's assertions about the remedies for one hot key: salting a hot write key, a read cache with single-flight
 * and read copies for a hot read key. Each compares the remedy with the same hotspot on plain virtual nodes, on the
 * same seed, and names the remedy's cost.
 */
final class HotKeyClaims {
    private static final String WRITE_HOT = v(Hotspot.HOT_WRITE, Remedy.VIRTUAL_NODES);
    private static final String SALTED = v(Hotspot.HOT_WRITE, Remedy.SALTED);
    private static final String READ_HOT = v(Hotspot.HOT_READ, Remedy.VIRTUAL_NODES);
    private static final String CACHED = v(Hotspot.HOT_READ, Remedy.READ_CACHE);
    private static final String INVALIDATED = v(Hotspot.HOT_READ, Remedy.READ_CACHE_INVALIDATED);
    private static final String RANDOM = v(Hotspot.HOT_READ, Remedy.COPIES_RANDOM);
    private static final String TWO_CHOICES = v(Hotspot.HOT_READ, Remedy.COPIES_TWO_CHOICES);

    private HotKeyClaims() {}

    static List<Claim> assertions() {
        return List.of(
                Claim.everySeed(
                        HotspotClaims.SALTING_SPREADS_WRITES,
                        "Salting a hot write key spreads its writes (no shard applies more than 90% of them, where"
                                + " unsalted one applies all), lowers the busiest shard's load, and every read of the"
                                + " key sends more requests than without salting (one per sub-key).",
                        (seed, runs) -> spreads(runs)
                                .or(() -> HotspotClaims.cooler(runs, SALTED, WRITE_HOT, false))
                                .or(() -> fansOut(runs))),
                Claim.everySeed(
                        HotspotClaims.CACHE_COOLS_READS,
                        "A read cache lowers the busiest shard's load and the p99 under a hot read key, and pays with"
                                + " reads that return a value an acknowledged write had replaced.",
                        (seed, runs) -> HotspotClaims.cooler(runs, CACHED, READ_HOT)
                                .or(() -> runs.get(CACHED).counter(STALE_READS) > 0
                                        ? Optional.empty()
                                        : Optional.of(CACHED + " returned no stale value"))),
                Claim.everySeed(
                        HotspotClaims.CACHE_COALESCES,
                        "With single-flight, the hot key's shards serve at most one cache fetch per --cache-ttl (two"
                                + " more for the window's edges), besides the key's writes: concurrent misses wait"
                                + " for one fetch.",
                        (seed, runs) -> {
                            SeedRun run = runs.get(CACHED);
                            long served = run.counter(HOT_SERVED);
                            long bound = run.counter(HOT_SERVED_BOUND);
                            return served <= bound
                                    ? Optional.empty()
                                    : Optional.of("%s: the hot key's shard served %d requests, more than %d"
                                            .formatted(CACHED, served, bound));
                        }),
                Claim.everySeed(
                        HotspotClaims.INVALIDATION_LEAVES_A_RACE,
                        "A read cache whose entries the shards' writes invalidate returns fewer stale values of the"
                                + " hot key than one that waits for the TTL, and none staler than a fifth of that"
                                + " cache's stalest: what is left is a read that reaches the cache after the write's"
                                + " acknowledgement and before its invalidation.",
                        (seed, runs) -> invalidationLeavesARace(runs)),
                Claim.everySeed(
                        HotspotClaims.COPIES_COOL_READS,
                        "Copies of every shard, a read to the shorter-queued of two (one copy degraded, --slow-copy"
                                + " times slower), lower the p99 under a hot read key below one copy's.",
                        (seed, runs) -> lowerTail(runs, TWO_CHOICES, READ_HOT)),
                Claim.everySeed(
                        HotspotClaims.TWO_CHOICES_BEAT_RANDOM,
                        "Picking the copy with the shorter queue of two leaves the busiest copy less loaded, and the"
                                + " p99 lower, than picking one at random: random choice keeps feeding the degraded"
                                + " copy its share.",
                        (seed, runs) -> HotspotClaims.cooler(runs, TWO_CHOICES, RANDOM)));
    }

    /** A shard may take this much of a salted key's writes: all sub-keys on one shard would be the bug's 100%. */
    static final double SALTED_WRITES_ON_ONE_SHARD_MAX = 0.9;

    private static Optional<String> spreads(Map<String, SeedRun> runs) {
        double share = runs.get(SALTED).value(HOT_WRITES_BUSIEST);
        return share <= SALTED_WRITES_ON_ONE_SHARD_MAX
                ? Optional.empty()
                : Optional.of("%s: one shard applied %.1f%% of the hot key's writes".formatted(SALTED, 100 * share));
    }

    /** How much staler the TTL-only cache's stalest read may be than the invalidated cache's, at least. */
    static final double INVALIDATED_STALENESS_SHARE_MAX = 0.2;

    private static Optional<String> invalidationLeavesARace(Map<String, SeedRun> runs) {
        SeedRun invalidated = runs.get(INVALIDATED);
        SeedRun cached = runs.get(CACHED);
        long stale = invalidated.counter(STALE_READS);
        long staleTtl = cached.counter(STALE_READS);
        if (stale >= staleTtl && stale > 0) {
            return Optional.of("%s returned %d stale reads, %s %d".formatted(INVALIDATED, stale, CACHED, staleTtl));
        }
        double worst = invalidated.value(STALENESS_MAX);
        double worstTtl = cached.value(STALENESS_MAX);
        return worst <= INVALIDATED_STALENESS_SHARE_MAX * worstTtl
                ? Optional.empty()
                : Optional.of("%s returned a value %.3f ms after a write replaced it, %s at most %.3f ms"
                        .formatted(INVALIDATED, worst, CACHED, worstTtl));
    }

    private static Optional<String> fansOut(Map<String, SeedRun> runs) {
        double salted = runs.get(SALTED).value(HOT_READ_REQUESTS);
        double plain = runs.get(WRITE_HOT).value(HOT_READ_REQUESTS);
        return salted > plain
                ? Optional.empty()
                : Optional.of("a read of the hot key sent %.2f requests in %s, %.2f in %s"
                        .formatted(salted, SALTED, plain, WRITE_HOT));
    }

    private static Optional<String> lowerTail(Map<String, SeedRun> runs, String remedied, String hot) {
        double a = HotspotClaims.p99Ms(runs, remedied);
        double b = HotspotClaims.p99Ms(runs, hot);
        return a < b
                ? Optional.empty()
                : Optional.of("p99 %.2f ms in %s, %.2f ms in %s".formatted(a, remedied, b, hot));
    }
}

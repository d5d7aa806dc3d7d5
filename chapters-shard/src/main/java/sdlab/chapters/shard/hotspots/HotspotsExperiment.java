package sdlab.chapters.shard.hotspots;

import static sdlab.chapters.shard.hotspots.HotspotMeasurements.CACHE_ENTRIES;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.COALESCED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HIT_RATIO;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOTTEST;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_READ_LATENCY;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_READ_REQUESTS;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_SERVED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOT_WRITES_BUSIEST;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.INVALIDATIONS;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.KEYS_MOVED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.LATENCY;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.MESSAGES_PER_OP;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.NOT_OWNED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.REQUESTS_PER_OP;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.SPLITS;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.STALE;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.STALENESS_MAX;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.STALE_SHARE;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.THROTTLED_SHARE;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.UNKNOWN;

import java.util.List;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;

/** Chapter 16: six kinds of hotspot on chapter 15's store, each without and with the remedies prescribed for it. */
public final class HotspotsExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "hotspots",
            16,
            "Hotspots and their remedies",
            "Unlucky tokens, monotonic inserts, a hot range, a celebrity key, a hot write key and a hot read key on a"
                    + " sharded store under open-loop load, each without and with its remedy (virtual nodes, load-based"
                    + " splitting, per-key rate limiting, key salting, a read cache with single-flight, read copies"
                    + " picked by load): the hottest shard's load and the p99 before and after, and what each remedy"
                    + " costs.");

    private static final String QUESTION = "Which remedy fixes which hotspot?";

    private final HotspotBug bug;

    /** The chapter as users run it. */
    public HotspotsExperiment() {
        this(HotspotBug.NONE);
    }

    /** The chapter with {@code bug} planted, for the tests that show its claims catch it. */
    HotspotsExperiment(HotspotBug bug) {
        this.bug = bug;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return HotspotParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return HotspotVariant.all().stream().map(HotspotVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        HotspotVariant chosen = HotspotVariant.named(variant.name());
        return HotspotMeasurements.measure(HotspotScenario.run(chosen, values, bug, seed, options), values, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        HOTTEST, "the busiest shard's work over the mean shard's, per 100 ms, averaged", HOTTEST),
                MetricSpec.percentileMs("latencyMsP50", "median served request", LATENCY, 50),
                MetricSpec.percentileMs("latencyMsP99", "99th percentile served request", LATENCY, 99),
                MetricSpec.meanPerSeed(
                        THROTTLED_SHARE, "share of operations refused because their key was hot", THROTTLED_SHARE),
                MetricSpec.meanPerSeed(SPLITS, "table changes (splits), per seed", SPLITS),
                MetricSpec.meanPerSeed(KEYS_MOVED, "keys moved between shards, per seed", KEYS_MOVED),
                MetricSpec.meanPerSeed(STALE, "requests refused for a stale table, per seed", STALE),
                MetricSpec.sum(NOT_OWNED, "requests served by a shard that does not own the key", NOT_OWNED),
                MetricSpec.meanPerSeed(UNKNOWN, "operations that timed out, per seed", UNKNOWN),
                MetricSpec.percentileMs(
                        "hotKeyReadMsP99", "99th percentile of the hot key's served reads", HOT_READ_LATENCY, 99),
                MetricSpec.meanPerSeed(
                        HOT_READ_REQUESTS,
                        "requests a read of the hot key sent (its fan-out: --salts when salted)",
                        HOT_READ_REQUESTS),
                MetricSpec.meanPerSeed(
                        HOT_WRITES_BUSIEST,
                        "share of the hot key's writes applied by the shard that applied most of them",
                        HOT_WRITES_BUSIEST),
                MetricSpec.meanPerSeed(
                        REQUESTS_PER_OP,
                        "requests routers sent per operation (to shards or the cache)",
                        REQUESTS_PER_OP),
                MetricSpec.meanPerSeed(
                        MESSAGES_PER_OP, "messages sent in the run per operation, all nodes included", MESSAGES_PER_OP),
                MetricSpec.meanPerSeed(
                        HOT_SERVED, "requests for the hot key shards served in the measured window", HOT_SERVED),
                MetricSpec.meanPerSeed(HIT_RATIO, "share of the cache's gets answered from an entry", HIT_RATIO),
                MetricSpec.meanPerSeed(COALESCED, "gets the cache coalesced into another's fetch, per seed", COALESCED),
                MetricSpec.meanPerSeed(CACHE_ENTRIES, "the most entries the cache held (its memory)", CACHE_ENTRIES),
                MetricSpec.meanPerSeed(
                        INVALIDATIONS,
                        "invalidations the shards sent the cache (one per write), per seed",
                        INVALIDATIONS),
                MetricSpec.meanPerSeed(
                        STALE_SHARE,
                        "share of the hot key's reads that returned a value an acknowledged write had replaced",
                        STALE_SHARE),
                MetricSpec.meanPerSeed(
                        STALENESS_MAX,
                        "how long before the read that replacing write was acknowledged, at most, in ms",
                        STALENESS_MAX));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return HotspotClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, HotspotClaims.options()));
    }
}

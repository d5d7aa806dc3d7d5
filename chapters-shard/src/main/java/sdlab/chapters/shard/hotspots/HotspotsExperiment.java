package sdlab.chapters.shard.hotspots;

import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOTTEST;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.KEYS_MOVED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.LATENCY;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.NOT_OWNED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.SPLITS;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.STALE;
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

/** Chapter 16: four kinds of hotspot on chapter 15's store, each without and with the remedy prescribed for it. */
public final class HotspotsExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "hotspots",
            16,
            "Hotspots and their remedies",
            "Unlucky tokens, monotonic inserts, a hot range and a celebrity key on a sharded store under open-loop"
                    + " load, each without and with its remedy (virtual nodes, load-based splitting, per-key rate"
                    + " limiting): the hottest shard's load and the p99 before and after, and what each remedy costs.");

    private static final String QUESTION = "Which remedy fixes which hotspot?";

    private final boolean moveSplits;

    /** The chapter as users run it. */
    public HotspotsExperiment() {
        this(true);
    }

    /** With {@code moveSplits} false, the planted bug: load splits that never move a half away. */
    HotspotsExperiment(boolean moveSplits) {
        this.moveSplits = moveSplits;
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
        return HotspotMeasurements.measure(
                HotspotScenario.run(chosen, values, moveSplits, seed, options), values, options);
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
                MetricSpec.meanPerSeed(UNKNOWN, "operations that timed out, per seed", UNKNOWN));
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

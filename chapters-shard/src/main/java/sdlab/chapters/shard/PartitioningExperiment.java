package sdlab.chapters.shard;

import static sdlab.chapters.shard.PartitioningMeasurements.AGGREGATE_FAN_OUT;
import static sdlab.chapters.shard.PartitioningMeasurements.AGGREGATE_LATENCY;
import static sdlab.chapters.shard.PartitioningMeasurements.BYTES_MOVED;
import static sdlab.chapters.shard.PartitioningMeasurements.DATA_MAX_OVER_MEAN;
import static sdlab.chapters.shard.PartitioningMeasurements.EDGES_WITHIN;
import static sdlab.chapters.shard.PartitioningMeasurements.HOTTEST_KEY_SHARE;
import static sdlab.chapters.shard.PartitioningMeasurements.HOT_KEY_FOUND;
import static sdlab.chapters.shard.PartitioningMeasurements.KEYS_MOVED;
import static sdlab.chapters.shard.PartitioningMeasurements.KEYS_MOVED_BY_SPLITS;
import static sdlab.chapters.shard.PartitioningMeasurements.LOAD_MAX_OVER_MEAN;
import static sdlab.chapters.shard.PartitioningMeasurements.MOVED_OVER_MINIMUM;
import static sdlab.chapters.shard.PartitioningMeasurements.MOVED_SHARE;
import static sdlab.chapters.shard.PartitioningMeasurements.NEIGHBOURS_TOGETHER;
import static sdlab.chapters.shard.PartitioningMeasurements.NOT_OWNED;
import static sdlab.chapters.shard.PartitioningMeasurements.POINT_LATENCY;
import static sdlab.chapters.shard.PartitioningMeasurements.REQUESTS_MAX_OVER_MEAN;
import static sdlab.chapters.shard.PartitioningMeasurements.SCAN_FAN_OUT;
import static sdlab.chapters.shard.PartitioningMeasurements.SCAN_LATENCY;
import static sdlab.chapters.shard.PartitioningMeasurements.SCAN_MESSAGES;
import static sdlab.chapters.shard.PartitioningMeasurements.SPLITS;
import static sdlab.chapters.shard.PartitioningMeasurements.STALE;
import static sdlab.chapters.shard.PartitioningMeasurements.UNKNOWN;

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

/** Chapter 15: hash against range partitioning, under uniform, skewed, monotonic and scanning workloads. */
public final class PartitioningExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "partitioning",
            15,
            "Hash vs range partitioning",
            "A sharded store of users under open-loop load: hash modulo N, consistent hashing with one token and with"
                    + " virtual nodes, and split-and-move ranges, each under uniform, zipfian, monotonic and"
                    + " range-scan workloads. Load and data per shard, p99 latency, scan fan-out and the data a"
                    + " joining shard moves, measured.");

    private static final String QUESTION = "Why does hash-based partitioning outperform range partitioning for a"
            + " social graph with uniform random access?";

    private final Planted planted;

    /** The chapter as users run it. */
    public PartitioningExperiment() {
        this(Planted.NONE);
    }

    /** The chapter with a planted bug, for tests that show a claim catches it. */
    PartitioningExperiment(Planted planted) {
        this.planted = planted;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return PartitioningParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return PartitioningVariant.all().stream()
                .map(PartitioningVariant::toVariant)
                .toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        PartitioningVariant chosen = PartitioningVariant.named(variant.name());
        PartitioningScenario.Outcome outcome = PartitioningScenario.run(chosen, values, planted, seed, options);
        return PartitioningMeasurements.measure(outcome, values, seed, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        LOAD_MAX_OVER_MEAN,
                        "the busiest shard's work over the mean shard's, per 100 ms, averaged",
                        LOAD_MAX_OVER_MEAN),
                MetricSpec.meanPerSeed(
                        REQUESTS_MAX_OVER_MEAN,
                        "the busiest shard's requests over the mean shard's, whole window",
                        REQUESTS_MAX_OVER_MEAN),
                MetricSpec.percentileMs("pointLatencyMsP50", "median get or put", POINT_LATENCY, 50),
                MetricSpec.percentileMs("pointLatencyMsP99", "99th percentile get or put", POINT_LATENCY, 99),
                MetricSpec.percentileMs("scanLatencyMsP50", "median range scan", SCAN_LATENCY, 50),
                MetricSpec.percentileMs("scanLatencyMsP99", "99th percentile range scan", SCAN_LATENCY, 99),
                MetricSpec.percentileMs(
                        "aggregateLatencyMsP99", "99th percentile scatter-gather count", AGGREGATE_LATENCY, 99),
                MetricSpec.meanPerSeed(
                        SCAN_FAN_OUT, "shards a range scan asks (0 where the workload has no scans)", SCAN_FAN_OUT),
                MetricSpec.meanPerSeed(
                        SCAN_MESSAGES,
                        "messages per range scan, requests and replies (0 where no scans)",
                        SCAN_MESSAGES),
                MetricSpec.meanPerSeed(
                        AGGREGATE_FAN_OUT,
                        "shards an aggregate asks, the joiner included after the join",
                        AGGREGATE_FAN_OUT),
                MetricSpec.meanPerSeed(
                        DATA_MAX_OVER_MEAN,
                        "the fullest shard's keys over the mean, before the join",
                        DATA_MAX_OVER_MEAN),
                MetricSpec.meanPerSeed(KEYS_MOVED, "keys moved when one shard joins, per seed", KEYS_MOVED),
                MetricSpec.meanPerSeed(BYTES_MOVED, "bytes moved when one shard joins, per seed", BYTES_MOVED),
                MetricSpec.meanPerSeed(
                        MOVED_OVER_MINIMUM, "keys moved over the least a join must move, K/(N+1)", MOVED_OVER_MINIMUM),
                MetricSpec.meanPerSeed(MOVED_SHARE, "share of all keys the join moved", MOVED_SHARE),
                MetricSpec.meanPerSeed(
                        NEIGHBOURS_TOGETHER, "share of neighbouring keys on the same shard", NEIGHBOURS_TOGETHER),
                MetricSpec.meanPerSeed(
                        EDGES_WITHIN, "share of follow edges with both users on one shard", EDGES_WITHIN),
                MetricSpec.meanPerSeed(
                        HOTTEST_KEY_SHARE,
                        "the hottest key's share of point requests, from the shards' merged top-k",
                        HOTTEST_KEY_SHARE),
                MetricSpec.meanPerSeed(
                        HOT_KEY_FOUND,
                        "share of seeds where the shards' top-k named the workload's most popular user (zipf only)",
                        HOT_KEY_FOUND),
                MetricSpec.meanPerSeed(SPLITS, "range splits, per seed", SPLITS),
                MetricSpec.meanPerSeed(
                        KEYS_MOVED_BY_SPLITS,
                        "keys handed to another shard by load splits' moves, per seed",
                        KEYS_MOVED_BY_SPLITS),
                MetricSpec.meanPerSeed(STALE, "requests refused for a stale table, per seed", STALE),
                MetricSpec.sum(NOT_OWNED, "requests served by a shard that does not own the key", NOT_OWNED),
                MetricSpec.meanPerSeed(UNKNOWN, "operations that timed out, per seed", UNKNOWN));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return PartitioningClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, PartitioningClaims.options()));
    }
}

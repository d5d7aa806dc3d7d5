package sdlab.chapters.cache.warmup;

import static sdlab.chapters.cache.warmup.WarmupMeasurements.CACHED_BYTES;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.CACHED_RECORDS;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.COLD_MISSES;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.DB_QUERIES;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.DB_QUEUE_MAX;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.DB_ROWS;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.READS;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.READS_FROM_CACHE;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.READ_LATENCY;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.WARMUP_MS;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

/** Chapter 13: which cache warm-up policy minimises the latency of the first requests after a deploy. */
public final class WarmupExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "cache-warmup",
            13,
            "Cache warm-up: lazy loading, pre-population, write-through, TTL 0",
            "A freshly deployed service with an empty cache in front of a slow database: the latency of its first"
                    + " requests, the load on the database and the memory used, under four ways of filling the cache.");

    private static final String QUESTION = "For a rarely read, latency-critical data set in front of a slow"
            + " database, which cache policy minimises cold-start latency after a deploy? Lazy loading / batch"
            + " pre-population at deploy / write-through / TTL of zero.";

    private final UnaryOperator<WarmupPolicy> policyChange;

    /** The chapter as users run it. */
    public WarmupExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with every variant's policy changed, for tests that plant a bug for a claim to catch. */
    WarmupExperiment(UnaryOperator<WarmupPolicy> policyChange) {
        this.policyChange = policyChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return WarmupParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return variantsOf(values).stream().map(WarmupVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        WarmupPolicy policy = variantsOf(values).stream()
                .filter(v -> v.name().equals(variant.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 13 has no variant " + variant.name()))
                .policy();
        return WarmupMeasurements.measure(WarmupScenario.run(policy, values, seed, options), policy, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.percentileMs("readLatencyMsP50", "median read latency after the deploy", READ_LATENCY, 50),
                MetricSpec.percentileMs(
                        "readLatencyMsP99", "99th percentile read latency after the deploy", READ_LATENCY, 99),
                MetricSpec.percentileMs("readLatencyMsMax", "slowest read after the deploy", READ_LATENCY, 100),
                MetricSpec.ratio("coldMissShare", "reads of records not cached since the deploy", COLD_MISSES, READS),
                MetricSpec.ratio("hitShare", "reads answered from the cache", READS_FROM_CACHE, READS),
                MetricSpec.meanPerSeed("dbQueries", "database queries per seed, pre-population included", DB_QUERIES),
                MetricSpec.meanPerSeed("dbRowsRead", "rows the database read per seed", DB_ROWS),
                MetricSpec.meanPerSeed(
                        "dbQueueMax", "longest line of statements waiting for a connection", DB_QUEUE_MAX),
                MetricSpec.meanPerSeed(
                        "cachedRecords", "records in the cache at the end of the window", CACHED_RECORDS),
                MetricSpec.meanPerSeed(
                        "cacheMemoryBytes", "memory the cache accounts at the end of the window", CACHED_BYTES),
                MetricSpec.meanPerSeed("warmupMs", "time from start-up to the last pre-population page", WARMUP_MS));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return WarmupClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, WarmupClaims.options()));
    }

    private List<WarmupVariant> variantsOf(ParamValues values) {
        return WarmupVariant.all(values).stream()
                .map(v -> new WarmupVariant(v.name(), v.description(), policyChange.apply(v.policy())))
                .toList();
    }
}

package sdlab.chapters.cache.redismemcached;

import static sdlab.chapters.cache.redismemcached.ServerMeasurements.EVICTION_GETS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.EVICTION_HITS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.LOAD_LATENCY;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.LOAD_REQUESTS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.LOSS_WINDOW;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.PARSE_NANOS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.THROUGHPUT;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WIRE_BYTES;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITES_ACKNOWLEDGED;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITES_KEPT;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITES_LOST;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITE_LATENCY;

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

/** Chapter 11: which feature decides, between Redis and memcached, for a cache that must survive restarts. */
public final class RedisVsMemcachedExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "redis-vs-memcached",
            11,
            "Redis vs Memcached: LRU, protocol, RDB/AOF persistence, multi-core",
            "Nine cache nodes, each differing from the next in one feature, meet the same machine crash, the same"
                    + " memory pressure and the same load: which feature keeps the data across a restart, and what the"
                    + " others change.");

    private static final String QUESTION = "For a cache that must persist across process restarts, which feature"
            + " decides? LRU eviction / binary protocol / RDB-AOF persistence / multi-core scalability.";

    private final UnaryOperator<ServerSpec> specChange;

    /** The chapter as users run it. */
    public RedisVsMemcachedExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with every variant's node changed, for tests that plant a bug and check that a claim catches it. */
    RedisVsMemcachedExperiment(UnaryOperator<ServerSpec> specChange) {
        this.specChange = specChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return ServerParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        ServerParams.requireConsistent(values);
        return variantsOf(values).stream().map(ServerVariant::toVariant).toList();
    }

    /**
     * Forks and inspections act on the crash scenario, the one simulation of a seed whose trace the report shows and
     * the page steps through; the eviction trial and the load scenario of the same seed run unchanged, so a fork's
     * eviction and throughput figures are the seed's own.
     */
    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        ServerVariant server = variantsOf(values).stream()
                .filter(v -> v.name().equals(variant.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 11 has no variant " + variant.name()));
        return ServerMeasurements.measure(server.spec(), values, seed, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        "writesAcknowledged", "writes acknowledged before the crash, per seed", WRITES_ACKNOWLEDGED),
                MetricSpec.ratio(
                        "keptAfterRestart",
                        "share of the writes acknowledged before the crash that the restarted node holds",
                        WRITES_KEPT,
                        WRITES_ACKNOWLEDGED),
                MetricSpec.sum("writesLost", "acknowledged writes missing after the restart, all seeds", WRITES_LOST),
                MetricSpec.percentileMs(
                        "lossWindowMsMax",
                        "longest time between a lost write's acknowledgement and the crash",
                        LOSS_WINDOW,
                        100),
                MetricSpec.percentileMs(
                        "writeLatencyMsP50", "median SET latency in the crash scenario", WRITE_LATENCY, 50),
                MetricSpec.percentileMs(
                        "writeLatencyMsP99", "99th percentile SET latency in the crash scenario", WRITE_LATENCY, 99),
                MetricSpec.ratio(
                        "hitRatio",
                        "share of GETs that hit in the eviction trial, after warm-up",
                        EVICTION_HITS,
                        EVICTION_GETS),
                MetricSpec.ratio(
                        "bytesPerRequest",
                        "request and reply bytes on the wire per request",
                        WIRE_BYTES,
                        LOAD_REQUESTS),
                MetricSpec.ratio(
                                "parseNsPerRequest",
                                "modelled parse time per request, in nanoseconds",
                                PARSE_NANOS,
                                LOAD_REQUESTS)
                        .derivedFrom(ServerParams.PARSE_NS_PER_BYTE.name()),
                // The load scenario's servers spend exactly the modelled cost on each request, so its throughput
                // and latency are a queueing model of those inputs, not a measurement of a real node's speed
                // (sdlab bench cache measures that against redis-server and memcached).
                MetricSpec.meanPerSeed("throughputOpsPerSec", "requests completed per second under load", THROUGHPUT)
                        .derivedFrom(ServerParams.REQUEST_COST.name(), ServerParams.PARSE_NS_PER_BYTE.name()),
                MetricSpec.percentileMs(
                                "loadLatencyMsP99", "99th percentile request latency under load", LOAD_LATENCY, 99)
                        .derivedFrom(ServerParams.REQUEST_COST.name(), ServerParams.PARSE_NS_PER_BYTE.name()));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return ServerClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, ServerClaims.options()));
    }

    private List<ServerVariant> variantsOf(ParamValues values) {
        return ServerVariant.all(values).stream()
                .map(v -> new ServerVariant(v.name(), v.description(), specChange.apply(v.spec())))
                .toList();
    }
}

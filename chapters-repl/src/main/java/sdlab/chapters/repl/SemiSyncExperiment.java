package sdlab.chapters.repl;

import static sdlab.chapters.repl.SemiSyncMeasurements.ACKNOWLEDGED;
import static sdlab.chapters.repl.SemiSyncMeasurements.COMMIT_LATENCY;
import static sdlab.chapters.repl.SemiSyncMeasurements.CUT_SEEDS;
import static sdlab.chapters.repl.SemiSyncMeasurements.FALLBACKS;
import static sdlab.chapters.repl.SemiSyncMeasurements.LOST;
import static sdlab.chapters.repl.SemiSyncMeasurements.LOST_AFTER_FALLBACK;
import static sdlab.chapters.repl.SemiSyncMeasurements.LOST_AFTER_REPLICA_ACK;
import static sdlab.chapters.repl.SemiSyncMeasurements.PHANTOM_READS;
import static sdlab.chapters.repl.SemiSyncMeasurements.PHANTOM_READS_UNACKNOWLEDGED;
import static sdlab.chapters.repl.SemiSyncMeasurements.POWER_LOSS_SEEDS;
import static sdlab.chapters.repl.SemiSyncMeasurements.READ_LATENCY;
import static sdlab.chapters.repl.SemiSyncMeasurements.RECEIVE_LAG_IN_CUT;
import static sdlab.chapters.repl.SemiSyncMeasurements.RELAY_SYNC;
import static sdlab.chapters.repl.SemiSyncMeasurements.RESUMES;
import static sdlab.chapters.repl.SemiSyncMeasurements.ROUND_TRIP;
import static sdlab.chapters.repl.SemiSyncMeasurements.SECONDS_BEHIND_SOURCE_IN_CUT;
import static sdlab.chapters.repl.SemiSyncMeasurements.WRITES_UNKNOWN;

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
import sdlab.repl.ReplConfig;

/** Chapter 19: what semi-synchronous replication costs in commit latency against async, and what it buys. */
public final class SemiSyncExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "semisync",
            19,
            "Semi-synchronous vs asynchronous replication",
            "A primary with two replicas under a closed-loop write and read load; the primary crashes for good and the"
                    + " most advanced replica is promoted. Async, semi-sync AFTER_COMMIT and AFTER_SYNC, and PostgreSQL's"
                    + " remote_write, on and remote_apply compared: commit latency, acknowledged commits lost,"
                    + " reads of writes that are then lost, and fallbacks to async.");

    private static final String QUESTION =
            "Semi-synchronous vs asynchronous replication: what latency impact arises compared with async?";

    private final UnaryOperator<ReplConfig> configChange;

    /** The chapter as users run it. */
    public SemiSyncExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with every variant's configuration changed, for tests that plant a bug for a claim to catch. */
    SemiSyncExperiment(UnaryOperator<ReplConfig> configChange) {
        this.configChange = configChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return SemiSyncParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        ReplConfig base = SemiSyncScenario.baseConfig(values);
        return SemiSyncVariant.all().stream().map(v -> v.toVariant(base)).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        SemiSyncVariant chosen = SemiSyncVariant.named(variant.name());
        ReplConfig config = configChange.apply(chosen.mode().apply(SemiSyncScenario.baseConfig(values)));
        return SemiSyncMeasurements.measure(SemiSyncScenario.run(config, values, seed, options), options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.percentileMs(
                        "commitLatencyMsP50", "median commit, steady state (before the faults)", COMMIT_LATENCY, 50),
                MetricSpec.percentileMs(
                        "commitLatencyMsP99", "99th percentile commit, steady state", COMMIT_LATENCY, 99),
                MetricSpec.percentileMs(
                        "readLatencyMsP50", "median read on the primary, steady state", READ_LATENCY, 50),
                MetricSpec.percentileMs(
                        "roundTripMsP50", "median primary-replica round trip, timed by the primary", ROUND_TRIP, 50),
                MetricSpec.percentileMs("relaySyncMsP50", "median relay-log sync on the replicas", RELAY_SYNC, 50),
                MetricSpec.percentileMs(
                        "secondsBehindSourceInCutMsP50",
                        "largest Seconds_Behind_Source a replica reported while cut off, median over cut seeds",
                        SECONDS_BEHIND_SOURCE_IN_CUT,
                        50),
                MetricSpec.percentileMs(
                        "receiveLagInCutMsP50",
                        "largest receive lag (since the newest heartbeat was sent) while cut off, median over cut seeds",
                        RECEIVE_LAG_IN_CUT,
                        50),
                MetricSpec.meanPerSeed("acknowledgedCommits", "writes whose client heard ok, per seed", ACKNOWLEDGED),
                MetricSpec.meanPerSeed(
                        "acknowledgedLost", "acknowledged commits missing after the failover, per seed", LOST),
                MetricSpec.seedsWith("seedsLosingAcknowledged", "seeds where an acknowledged commit was lost", LOST),
                MetricSpec.meanPerSeed(
                        "lostAfterReplicaAck",
                        "of those, acknowledged after replicas acknowledged them",
                        LOST_AFTER_REPLICA_ACK),
                MetricSpec.meanPerSeed(
                        "lostAfterFallback",
                        "of those, acknowledged while semi-sync had fallen back",
                        LOST_AFTER_FALLBACK),
                MetricSpec.meanPerSeed(
                        "phantomReads", "reads that returned a write the failover lost, per seed", PHANTOM_READS),
                MetricSpec.meanPerSeed(
                        "phantomReadsOfUnacknowledged",
                        "of those, of a write the primary never acknowledged",
                        PHANTOM_READS_UNACKNOWLEDGED),
                MetricSpec.seedsWith(
                        "seedsWithPhantomReads", "seeds where a reader saw a write later lost", PHANTOM_READS),
                MetricSpec.meanPerSeed(
                        "fallbacksToAsync", "semi-sync timeouts that switched to async, per seed", FALLBACKS),
                MetricSpec.meanPerSeed(
                        "semiSyncResumes", "switches back on after a replica caught up, per seed", RESUMES),
                MetricSpec.meanPerSeed(
                        "writesUnknown",
                        "writes that timed out at the client (outcome unknown), per seed",
                        WRITES_UNKNOWN),
                MetricSpec.sum(
                        "powerLossSeeds", "seeds where the replicas lost power with the primary", POWER_LOSS_SEEDS),
                MetricSpec.sum("cutSeeds", "seeds where the replicas were cut off around the crash", CUT_SEEDS));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return SemiSyncClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, SemiSyncClaims.options()));
    }
}

package sdlab.chapters.repl.readreplica;

import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.*;

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
import sdlab.repl.ReplConfig;

/** Chapter 8: why adding a second read replica can raise the read latency, measured per replica and over time. */
public final class ReadReplicaExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "read-replicas",
            8,
            "Read replicas under a strong leader",
            "A primary and one read replica under a closed-loop load of reads and writes; mid-run a second replica"
                    + " joins from a snapshot with a cold cache and catches up from the log. Reads on the primary only,"
                    + " even, least-latency, lag-aware and read-your-writes balancing compared: read latency per"
                    + " replica, stale reads, lag, cache hit ratio and fallbacks to the primary.");

    private static final String QUESTION =
            "Read replicas under a strong leader: why can adding a second read replica raise the average read latency?";

    private final ReplConfig.Bug bug;

    /** The chapter as users run it. */
    public ReadReplicaExperiment() {
        this(ReplConfig.Bug.NONE);
    }

    /** The chapter with a planted bug in every variant's nodes and clients, for tests that show a claim can fail. */
    ReadReplicaExperiment(ReplConfig.Bug bug) {
        this.bug = bug;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return ReadReplicaParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return ReadReplicaVariant.all().stream()
                .map(ReadReplicaVariant::toVariant)
                .toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        ReadReplicaVariant chosen = ReadReplicaVariant.named(variant.name());
        return ReadReplicaMeasurements.measure(ReadReplicaScenario.run(chosen, bug, values, seed, options), options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.percentileMs("readLatencyMsP50Before", "median read before the join", READ_BEFORE, 50),
                MetricSpec.percentileMs(
                        "readLatencyMsP99Before", "99th percentile read before the join", READ_BEFORE, 99),
                MetricSpec.percentileMs("readLatencyMsP50After", "median read from the join on", READ_AFTER, 50),
                MetricSpec.percentileMs(
                        "readLatencyMsP99After", "99th percentile read from the join on", READ_AFTER, 99),
                MetricSpec.meanPerSeed("readMeanMsBefore", "mean read before the join, per seed", MEAN_BEFORE),
                MetricSpec.meanPerSeed("readMeanMsAfter", "mean read from the join on, per seed", MEAN_AFTER),
                MetricSpec.percentileMs(
                        "newReplicaReadMsP50CatchingUp",
                        "median read served by the new replica while it catches up",
                        NEW_CATCHING_UP,
                        50),
                MetricSpec.percentileMs(
                        "newReplicaReadMsP99CatchingUp",
                        "99th percentile read served by the new replica while it catches up",
                        NEW_CATCHING_UP,
                        99),
                MetricSpec.percentileMs(
                        "newReplicaReadMsP50", "median read served by the new replica after the join", NEW_AFTER, 50),
                MetricSpec.percentileMs(
                        "oldReplicaReadMsP50", "median read served by the old replica after the join", OLD_AFTER, 50),
                MetricSpec.meanPerSeed(
                        ADDED_TIME, "read time after the join beyond the mean before, ms per seed", ADDED_TIME),
                MetricSpec.meanPerSeed(
                        NEW_EXCESS,
                        "of which in reads sent to the new replica (their time beyond the mean before), ms per seed",
                        NEW_EXCESS),
                MetricSpec.meanPerSeed(TIME_NEW, "read time served by the new replica, ms per seed", TIME_NEW),
                MetricSpec.meanPerSeed(TIME_OLD, "read time served by the old replica, ms per seed", TIME_OLD),
                MetricSpec.meanPerSeed(TIME_PRIMARY, "read time served by the primary, ms per seed", TIME_PRIMARY),
                MetricSpec.meanPerSeed(
                        TIME_FALLBACKS,
                        "read time of reads that fell back to the primary, ms per seed",
                        TIME_FALLBACKS),
                MetricSpec.meanPerSeed(STALE, "stale reads (from the client history), per seed", STALE),
                MetricSpec.meanPerSeed(STALE_FROM_NEW, "of which served by the new replica, per seed", STALE_FROM_NEW),
                MetricSpec.percentileMs("stalenessMsP99", "99th percentile staleness of a stale read", STALENESS, 99),
                MetricSpec.percentileMs("stalenessMsMax", "largest staleness of a stale read", STALENESS, 100),
                MetricSpec.meanPerSeed(
                        OWN_WRITE_MISSED,
                        "reads older than their client's own earlier write, per seed",
                        OWN_WRITE_MISSED),
                MetricSpec.meanPerSeed(
                        FALLBACKS, "reads that fell back to the primary after the join, per seed", FALLBACKS),
                MetricSpec.ratio(
                        "readShareToNewReplicaCatchingUp",
                        "share of reads sent to the new replica while it caught up",
                        READS_TO_NEW_CATCHING_UP,
                        READS_CATCHING_UP),
                MetricSpec.ratio(
                        "newReplicaHitRatio", "new replica's cache hit ratio after the join", NEW_HITS, NEW_LOOKUPS),
                MetricSpec.ratio(
                        "oldReplicaHitRatio", "old replica's cache hit ratio after the join", OLD_HITS, OLD_LOOKUPS),
                MetricSpec.meanPerSeed(
                        NEW_APPLY_MISSES,
                        "entries the new replica's applier applied after a page miss",
                        NEW_APPLY_MISSES),
                MetricSpec.meanPerSeed(
                        NEW_LAG_MAX, "largest Seconds_Behind_Source the new replica reported", NEW_LAG_MAX),
                MetricSpec.meanPerSeed(
                        OLD_LAG_MAX, "largest Seconds_Behind_Source the old replica reported", OLD_LAG_MAX),
                MetricSpec.meanPerSeed(CAUGHT_UP, "from the join until the new replica caught up, ms", CAUGHT_UP),
                MetricSpec.meanPerSeed(SNAPSHOT_MS, "from the snapshot request until it was loaded, ms", SNAPSHOT_MS)
                        .derivedFrom("snapshot-mbps", "page-kib"),
                MetricSpec.meanPerSeed(SNAPSHOT_MB, "snapshot size, MB", SNAPSHOT_MB)
                        .derivedFrom("page-kib"),
                MetricSpec.sum(LEADER_CHANGES, "promotions and step-downs, all seeds", LEADER_CHANGES));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return ReadReplicaClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, ReadReplicaClaims.options()));
    }
}

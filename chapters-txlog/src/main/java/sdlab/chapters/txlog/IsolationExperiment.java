package sdlab.chapters.txlog;

import static sdlab.chapters.txlog.IsolationMeasurements.ABORTED_IN_LOG;
import static sdlab.chapters.txlog.IsolationMeasurements.ABORTED_READ;
import static sdlab.chapters.txlog.IsolationMeasurements.COMMITTED_IN_LOG;
import static sdlab.chapters.txlog.IsolationMeasurements.DOUBLE_COUNTS;
import static sdlab.chapters.txlog.IsolationMeasurements.LAG_HW_MAX;
import static sdlab.chapters.txlog.IsolationMeasurements.LAG_HW_MEAN;
import static sdlab.chapters.txlog.IsolationMeasurements.LAG_LSO_MEAN;
import static sdlab.chapters.txlog.IsolationMeasurements.OPEN_READ;
import static sdlab.chapters.txlog.IsolationMeasurements.RECORDS_READ;
import static sdlab.chapters.txlog.IsolationMeasurements.VISIBLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.TxLogConfig;

/** Chapter 6: which isolation level stops a replaying job from reading aborted or open transactions. */
public final class IsolationExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "isolation",
            6,
            "Transactional log isolation: read_committed vs read_uncommitted",
            "Transactional producers write payments to a partitioned log and commit, abort, crash or stall past their"
                    + " timeout; a job sums the payments and replays the topic halfway through. Aborted and open"
                    + " records read, payments counted twice, time until a record is visible, and lag compared.");

    private static final String QUESTION =
            "Which isolation level stops a replaying job from reading aborted or open transactions?";

    private static final Map<String, IsolationLevel> LEVELS = levels();

    private final UnaryOperator<TxLogConfig> configChange;

    /** The chapter as users run it. */
    public IsolationExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with the broker's configuration changed, for tests that plant a bug for a claim to catch. */
    IsolationExperiment(UnaryOperator<TxLogConfig> configChange) {
        this.configChange = configChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return IsolationParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(
                new Variant(
                        IsolationClaims.UNCOMMITTED,
                        "the job fetches with isolation.level=read_uncommitted: up to the high watermark",
                        Map.of("isolation", IsolationLevel.READ_UNCOMMITTED)),
                new Variant(
                        IsolationClaims.COMMITTED,
                        "the job fetches with isolation.level=read_committed: up to the last stable offset, aborted"
                                + " transactions skipped",
                        Map.of("isolation", IsolationLevel.READ_COMMITTED)));
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        IsolationLevel level = LEVELS.get(variant.name());
        TxLogConfig config = configChange.apply(IsolationScenario.baseConfig(values));
        return IsolationMeasurements.measure(IsolationScenario.run(config, level, values, seed, options), options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        "abortedRecordsRead", "records of aborted transactions the job read, per seed", ABORTED_READ),
                MetricSpec.meanPerSeed(
                        "openTransactionRecordsRead",
                        "records the job read before their transaction's marker was in the log, per seed",
                        OPEN_READ),
                MetricSpec.meanPerSeed(
                        "doubleCountsAfterReplay",
                        "payments the replayed output counts more than once, per seed",
                        DOUBLE_COUNTS),
                MetricSpec.seedsWith(
                        "seedsWithDoubleCounts", "seeds where the replayed output double counts", DOUBLE_COUNTS),
                MetricSpec.percentileMs(
                        "visibleLatencyMsP50",
                        "median time from append to the job reading a committed record",
                        VISIBLE,
                        50),
                MetricSpec.percentileMs("visibleLatencyMsP99", "99th percentile of the same", VISIBLE, 99),
                MetricSpec.meanPerSeed(
                        "lagRecordsBehindHighWatermark",
                        "high watermark minus the offset the job fetched from, mean over fetches before the replay",
                        LAG_HW_MEAN),
                MetricSpec.meanPerSeed(
                        "lagRecordsBehindLastStableOffset",
                        "last stable offset minus the offset the job fetched from, mean over fetches before the replay",
                        LAG_LSO_MEAN),
                MetricSpec.meanPerSeed(
                        "lagRecordsBehindHighWatermarkMax", "the largest such lag, per seed", LAG_HW_MAX),
                MetricSpec.meanPerSeed("recordsRead", "records the job read over both passes, per seed", RECORDS_READ),
                MetricSpec.meanPerSeed(
                        "committedRecordsInLog",
                        "data records whose transaction committed, per seed",
                        COMMITTED_IN_LOG),
                MetricSpec.meanPerSeed(
                        "abortedRecordsInLog",
                        "data records whose transaction aborted, still in the log, per seed",
                        ABORTED_IN_LOG));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return IsolationClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, IsolationClaims.options()));
    }

    private static Map<String, IsolationLevel> levels() {
        Map<String, IsolationLevel> levels = new LinkedHashMap<>();
        levels.put(IsolationClaims.UNCOMMITTED, IsolationLevel.READ_UNCOMMITTED);
        levels.put(IsolationClaims.COMMITTED, IsolationLevel.READ_COMMITTED);
        return Map.copyOf(levels);
    }
}

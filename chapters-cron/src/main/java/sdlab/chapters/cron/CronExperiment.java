package sdlab.chapters.cron;

import static sdlab.chapters.cron.CronMeasurements.DUPLICATE_EFFECTS;
import static sdlab.chapters.cron.CronMeasurements.DUPLICATE_KEYS_REFUSED;
import static sdlab.chapters.cron.CronMeasurements.DUPLICATE_RUNS;
import static sdlab.chapters.cron.CronMeasurements.LEASES;
import static sdlab.chapters.cron.CronMeasurements.MISSED_EFFECTS;
import static sdlab.chapters.cron.CronMeasurements.MISSED_RUNS;
import static sdlab.chapters.cron.CronMeasurements.RETRY_DUPLICATES;
import static sdlab.chapters.cron.CronMeasurements.STALE_OVERWRITES;
import static sdlab.chapters.cron.CronMeasurements.STALE_REFUSED;
import static sdlab.chapters.cron.CronMeasurements.STALE_WRITES_ACCEPTED;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import sdlab.coord.fencing.FencingPolicy;
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

/** Chapter 14: which mechanism keeps a distributed cron job to one run per schedule when leadership changes. */
public final class CronExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "cron",
            14,
            "Distributed cron: one run per schedule across leader changes",
            "Three schedulers elect a leader by a lease in a Raft store and run one job every second against a"
                    + " target; leaders crash, are cut off from the store, pause and run with skewed clocks. Measured:"
                    + " duplicate and missed runs, duplicate effects and stale writes at the target.");

    private static final String QUESTION = "A distributed cron scheduler must run each job once globally. Which"
            + " mechanism best prevents duplicate execution when leadership changes? A. a table-level pessimistic"
            + " lock, B. fencing tokens with a monotonically increasing epoch, C. client-side retries with"
            + " exponential backoff, D. idempotent job handlers.";

    private final UnaryOperator<FencingPolicy> targetChange;

    /** The chapter as users run it. */
    public CronExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with every variant's target changed, for tests that plant a bug for a claim to catch. */
    CronExperiment(UnaryOperator<FencingPolicy> targetChange) {
        this.targetChange = targetChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return CronParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return CronVariant.all().stream().map(CronVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        CronVariant chosen = CronVariant.all().stream()
                .filter(v -> v.name().equals(variant.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 14 has no variant " + variant.name()));
        FencingPolicy target = targetChange.apply(chosen.option().targetPolicy());
        return CronMeasurements.measure(
                CronScenario.run(chosen.option(), target, values, seed, options), values, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        "duplicateRuns", "slots begun more than once, extra runs per seed", DUPLICATE_RUNS),
                MetricSpec.meanPerSeed("missedRuns", "slots no scheduler began, per seed", MISSED_RUNS),
                MetricSpec.meanPerSeed(
                        "duplicateEffects",
                        "extra applications of a slot's write at the target, per seed",
                        DUPLICATE_EFFECTS),
                MetricSpec.seedsWith(
                        "seedsWithDuplicateEffects", "seeds where some slot took effect twice", DUPLICATE_EFFECTS),
                MetricSpec.meanPerSeed(
                        "retryDuplicates",
                        "duplicate effects that repeat the same run's write (retries)",
                        RETRY_DUPLICATES),
                MetricSpec.meanPerSeed("missedEffects", "slots with no effect at the target, per seed", MISSED_EFFECTS),
                MetricSpec.meanPerSeed(
                        "staleWritesAccepted",
                        "writes applied after the store had granted a higher epoch, per seed",
                        STALE_WRITES_ACCEPTED),
                MetricSpec.meanPerSeed(
                        "staleOverwrites",
                        "writes applied after the target had applied a higher epoch's, per seed",
                        STALE_OVERWRITES),
                MetricSpec.seedsWith(
                        "seedsWithStaleOverwrites", "seeds where a stale leader overwrote", STALE_OVERWRITES),
                MetricSpec.meanPerSeed(
                        "staleWritesRefused", "writes the target refused by token, per seed", STALE_REFUSED),
                MetricSpec.meanPerSeed(
                        "duplicateKeysRefused", "writes the target refused by key, per seed", DUPLICATE_KEYS_REFUSED),
                MetricSpec.meanPerSeed("leaseAcquisitions", "leases granted per seed (leader changes + 1)", LEASES));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return CronClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, CronClaims.options()));
    }
}

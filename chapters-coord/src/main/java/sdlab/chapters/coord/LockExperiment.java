package sdlab.chapters.coord;

import static sdlab.chapters.coord.LockMeasurements.ACQUISITIONS;
import static sdlab.chapters.coord.LockMeasurements.LOST_UPDATES;
import static sdlab.chapters.coord.LockMeasurements.NOTIFICATIONS;
import static sdlab.chapters.coord.LockMeasurements.OUT_OF_ORDER;
import static sdlab.chapters.coord.LockMeasurements.OVERLAPPING_HOLDS;
import static sdlab.chapters.coord.LockMeasurements.OVERLAP_NANOS;
import static sdlab.chapters.coord.LockMeasurements.REFUSED;
import static sdlab.chapters.coord.LockMeasurements.RELEASES;
import static sdlab.chapters.coord.LockMeasurements.WRITES;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.coord.recipes.LockConfig;
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

/** Chapter 5: which lock on the coordination service keeps the protected data correct when a holder pauses past its session. */
public final class LockExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "locks",
            5,
            "Coordination service: what a lock protects when its holder pauses",
            "Five clients take a lock on a three-server ZooKeeper-like service (Raft underneath) and increment a"
                    + " counter at a store while they hold it; holders pause past their session, are cut off from the"
                    + " servers, and crash. Measured: overlapping holders, lost increments and out-of-order writes at"
                    + " the store, writes refused by token, notifications per release, and stale reads with and"
                    + " without sync.");

    private static final String QUESTION = "Several services must update one record in turn. Each creates a lock"
            + " node in the coordination service and the one that succeeds proceeds. Which lock keeps the record"
            + " correct when a holder pauses (a long GC) past its session timeout? A. a plain ephemeral znode that"
            + " waiters watch, B. ephemeral-sequential znodes with a watch on the predecessor, C. B with the lock"
            + " znode's czxid as a fencing token checked by the storage, D. a TTL lease renewed by the holder.";

    private final LockConfig.Bug bug;
    private final UnaryOperator<FencingPolicy> storeChange;

    /** The chapter as users run it. */
    public LockExperiment() {
        this(LockConfig.Bug.NONE, UnaryOperator.identity());
    }

    /**
     * The chapter with a bug planted in every lock client, or in every variant's store, for tests
     * that watch a claim catch it.
     */
    LockExperiment(LockConfig.Bug bug, UnaryOperator<FencingPolicy> storeChange) {
        this.bug = bug;
        this.storeChange = storeChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return LockParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        List<Variant> variants = new ArrayList<>();
        LockVariant.all().forEach(v -> variants.add(v.toVariant()));
        ReadVariant.all().forEach(v -> variants.add(v.toVariant()));
        return variants;
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        for (ReadVariant read : ReadVariant.all()) {
            if (read.name().equals(variant.name())) {
                return ReadScenario.run(read, values, seed, options);
            }
        }
        LockVariant chosen = LockVariant.all().stream()
                .filter(v -> v.name().equals(variant.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 5 has no variant " + variant.name()));
        LockScenario.Outcome outcome = LockScenario.run(
                chosen.kind(),
                storeChange.apply(chosen.store()),
                bug,
                values,
                LockFaults.draw(values, seed),
                seed,
                options);
        return LockMeasurements.measure(outcome, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed("lostUpdates", "increments lost at the store, per seed", LOST_UPDATES),
                MetricSpec.seedsWith("seedsWithLostUpdates", "seeds where some increment was lost", LOST_UPDATES),
                MetricSpec.meanPerSeed(
                        "outOfOrderWrites", "writes applied after one with a higher token, per seed", OUT_OF_ORDER),
                MetricSpec.meanPerSeed(
                        "refusedByToken", "reads and writes the store refused by token, per seed", REFUSED),
                MetricSpec.meanPerSeed(
                        "overlappingHolds",
                        "pairs of clients that believed they held the lock at once, per seed",
                        OVERLAPPING_HOLDS),
                MetricSpec.seedsWith("seedsWithOverlap", "seeds where two holds overlapped", OVERLAPPING_HOLDS),
                MetricSpec.meanPerSeed(
                        "overlapNsPerSeed", "time a hold overlapped an earlier one, summed, per seed", OVERLAP_NANOS),
                MetricSpec.ratio(
                        "notificationsPerRelease", "watch events delivered per hold ended", NOTIFICATIONS, RELEASES),
                MetricSpec.meanPerSeed("acquisitions", "holds granted per seed", ACQUISITIONS),
                MetricSpec.meanPerSeed("writesApplied", "increments the store applied per seed", WRITES),
                MetricSpec.meanPerSeed(
                        "staleReads", "reads that missed an acknowledged write, per seed", ReadScenario.STALE_READS),
                MetricSpec.seedsWith("seedsWithStaleReads", "seeds with a stale read", ReadScenario.STALE_READS),
                MetricSpec.meanPerSeed("readsChecked", "reads completed per seed", ReadScenario.READS));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return LockClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, LockClaims.options()));
    }
}

package sdlab.chapters.ledger.conflicts;

import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.CHOSEN_AGAINST;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.CONFLICTS_SURFACED;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.CONVERGENCE;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.DISCARDED_KNOWINGLY;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.DIVERGENT_REPLICAS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.EDITS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.FAILOVERS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.FLIP_BACKS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.LOST_SILENTLY;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.METADATA_BYTES;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.PROMPTS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.REMOVALS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.REMOVALS_UNDONE;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.STALE_OWN_READS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.TOMBSTONES;

import java.util.Arrays;
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
import sdlab.ledger.profile.ProfileConfig;

/** Chapter 18: what an application must do when the replicas of a profile diverge. */
public final class ConflictsExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "conflicts",
            18,
            "Eventual consistency and user-visible conflicts",
            "Users edit one profile from three devices at once through a multi-leader store with skewed clocks and"
                    + " partitions. Last writer wins, version vectors with a resolution screen, a CRDT map and sticky"
                    + " sessions: edits lost silently, conflicts surfaced, questions put to the user, stale own reads,"
                    + " convergence and metadata bytes.");

    private static final String QUESTION = "Under eventual consistency, what must an application developer implement to"
            + " avoid user confusion on profile updates? A. idempotent GET requests, B. client-side conflict"
            + " resolution UI, C. strict schema validation, D. sticky sessions";

    private final ProfileConfig.Bug bug;

    /** The chapter as users run it. */
    public ConflictsExperiment() {
        this(ProfileConfig.Bug.NONE);
    }

    /** The chapter with a bug planted in every store, for tests that show a claim can fail. */
    ConflictsExperiment(ProfileConfig.Bug bug) {
        this.bug = bug;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return ConflictsParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return Arrays.stream(ConflictsVariant.values())
                .map(ConflictsVariant::toVariant)
                .toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        ConflictsVariant chosen = ConflictsVariant.named(variant.name());
        ProfileConfig config = ConflictsScenario.config(chosen, values, bug);
        return ConflictsMeasurements.measure(
                ConflictsScenario.run(chosen, config, values, seed, options),
                values.get(ConflictsParams.USERS),
                options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed("editsAcknowledged", "edits the store acknowledged, per seed", EDITS),
                MetricSpec.meanPerSeed(
                        "editsLostSilently",
                        "acknowledged edits missing from the converged profile, not replaced by a later edit of the"
                                + " field nor chosen against by the user, per seed",
                        LOST_SILENTLY),
                MetricSpec.meanPerSeed(
                        "removalsAcknowledged", "removals of an interest the store acknowledged, per seed", REMOVALS),
                MetricSpec.meanPerSeed(
                        "removalsUndone",
                        "acknowledged removals whose interest is back in the converged profile, per seed",
                        REMOVALS_UNDONE),
                MetricSpec.seedsWith(
                        "seedsUndoingRemovals", "seeds where an acknowledged removal was undone", REMOVALS_UNDONE),
                MetricSpec.meanPerSeed(
                        "tombstonesKept",
                        "removed interests the converged profiles keep as tombstones, per seed",
                        TOMBSTONES),
                MetricSpec.meanPerSeed(
                        "editsDiscardedKnowingly",
                        "acknowledged edits missing because the user chose another value on the resolution screen",
                        DISCARDED_KNOWINGLY),
                MetricSpec.meanPerSeed(
                        "conflictsSurfaced",
                        "reads that handed the application more than one version, per seed",
                        CONFLICTS_SURFACED),
                MetricSpec.meanPerSeed(
                        "userPrompts", "fields a user was asked to choose a value for, per seed", PROMPTS),
                MetricSpec.meanPerSeed(
                        "valuesChosenAgainst",
                        "values a user was shown beside another on a resolution screen and did not keep, per seed",
                        CHOSEN_AGAINST),
                MetricSpec.meanPerSeed(
                        "staleOwnReads",
                        "views showing a field older than the viewing device's own acknowledged edit, per seed",
                        STALE_OWN_READS),
                MetricSpec.meanPerSeed(
                        "flipBacks",
                        "views showing a field's value again after another value had replaced it, per seed",
                        FLIP_BACKS),
                MetricSpec.meanPerSeed(
                        "divergentReplicas",
                        "replicas still differing when the audit gave up waiting, per seed",
                        DIVERGENT_REPLICAS),
                MetricSpec.percentileMs(
                        "convergenceMsP50",
                        "median time from a user's last acknowledged edit to every replica holding the same state",
                        CONVERGENCE,
                        50),
                MetricSpec.percentileMs(
                        "convergenceMsP99", "99th percentile of the same (partitions included)", CONVERGENCE, 99),
                MetricSpec.meanPerSeed(
                        "metadataBytes",
                        "bytes of timestamps, version vectors, dots and causal context in the converged states, per"
                                + " seed (counted entries times their encoded size)",
                        METADATA_BYTES),
                MetricSpec.meanPerSeed(
                        "failovers", "device moves to another replica after a timeout, per seed", FAILOVERS));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return ConflictsClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, ConflictsClaims.options()));
    }
}

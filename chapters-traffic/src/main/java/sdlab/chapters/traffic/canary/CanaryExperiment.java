package sdlab.chapters.traffic.canary;

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

/** Chapter 4: canary releases with session stickiness. */
public final class CanaryExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "canary",
            4,
            "Canary releases with session stickiness",
            "Header routing at the ingress, random pod selection, a blue-green DNS flip and a DaemonSet-style"
                    + " rollout: which users meet the canary, which sessions see both versions, and how long a"
                    + " rollback takes.");

    static final String ROLLBACK_MS = "rollbackMs";

    private static final String QUESTION =
            "Which release strategy puts a chosen group of users on the canary without breaking their sessions?";

    private final CanaryRouter router;

    /** The chapter as users run it. */
    public CanaryExperiment() {
        this(CanaryRouter.SHARED);
    }

    /** The chapter with another routing rule at the header strategy's ingress, for tests that plant a broken one. */
    CanaryExperiment(CanaryRouter router) {
        this.router = router;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return CanaryParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        CanaryScenario.requireConsistent(values);
        return CanaryVariant.ALL.stream().map(CanaryVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        CanaryScenario.Outcome outcome =
                CanaryScenario.run(CanaryVariant.named(variant.name()), values, router, seed, options, run);
        outcome.tally().finish();
        run.value(ROLLBACK_MS, outcome.tally().rollbackMillis());
        run.traceHash(outcome.sim().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.sim().trace());
        }
        return run.build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.ratio(
                        "violatedSessionShare",
                        "share of sessions (outside the rollback) served by both versions",
                        CanaryTally.VIOLATED,
                        CanaryTally.SESSIONS),
                MetricSpec.ratio(
                        "chosenOnCanaryShare",
                        "share of the chosen users' sessions during the canary served by the canary alone",
                        CanaryTally.CHOSEN_ALL_CANARY,
                        CanaryTally.CHOSEN_JUDGED),
                MetricSpec.ratio(
                        "chosenUsersReachedShare",
                        "share of the chosen users who were served the canary at least once",
                        CanaryTally.CHOSEN_REACHED,
                        CanaryTally.CHOSEN_USERS),
                MetricSpec.ratio(
                        "otherExposedShare",
                        "share of other users' sessions during the canary that touched the canary",
                        CanaryTally.OTHER_TOUCHED,
                        CanaryTally.OTHER_JUDGED),
                MetricSpec.sum(
                        "otherUsersCanaryPages",
                        "canary pages served to users without the canary header",
                        CanaryTally.OTHER_CANARY_PAGES),
                MetricSpec.meanPerSeed(
                        ROLLBACK_MS, "time from the rollback to the last canary page served", ROLLBACK_MS),
                MetricSpec.ratio(
                        "brokenByRollbackShare",
                        "share of sessions in progress while the rollback took effect that saw both versions",
                        CanaryTally.BROKEN_BY_ROLLBACK,
                        CanaryTally.ACROSS_ROLLBACK));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return CanaryClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                QUESTION,
                CanaryVariant.ALL.stream()
                        .map(v -> new Question.Option(
                                CanaryClaims.optionLabels().get(v.name()),
                                v.name(),
                                CanaryClaims.forOption(v.name()),
                                "The chosen users' sessions must run on the canary, nobody else's may touch it, and"
                                        + " no session may see both versions."))
                        .toList()));
    }
}

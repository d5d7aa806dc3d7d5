package sdlab.chapters.txlog.saga;

import static sdlab.chapters.txlog.saga.SagaMeasurements.ALL_COMPENSATED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.ALL_DONE;
import static sdlab.chapters.txlog.saga.SagaMeasurements.COMPENSATED_UNREJECTED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.DIRTY_READS;
import static sdlab.chapters.txlog.saga.SagaMeasurements.DOUBLE_APPLIED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.INCONSISTENT;
import static sdlab.chapters.txlog.saga.SagaMeasurements.REJECTED_ORDERS;
import static sdlab.chapters.txlog.saga.SagaMeasurements.SAGAS;
import static sdlab.chapters.txlog.saga.SagaMeasurements.STUCK;

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
import sdlab.txlog.saga.SagaConfig;

/** Chapter 21: what triggers a saga's compensation, and how its end states hold up under faults. */
public final class SagaExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "sagas",
            21,
            "Sagas: compensation, idempotency keys and a durable saga log",
            "An orchestrator runs order, payment and inventory steps as local transactions, compensating in reverse"
                    + " when a step is rejected; messages are lost and duplicated, the orchestrator crashes and"
                    + " services pause. Sagas all done, all compensated, stuck and inconsistent, steps applied twice"
                    + " and steps a reader saw before they were compensated, compared.");

    private static final String QUESTION = "What triggers local rollback (compensation) in a saga?";

    private static final Map<String, SagaVariantSettings> SETTINGS = settings();

    private final UnaryOperator<SagaConfig> configChange;

    /** The chapter as users run it. */
    public SagaExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with the orchestrator's configuration changed, for tests that plant a bug for a claim to catch. */
    SagaExperiment(UnaryOperator<SagaConfig> configChange) {
        this.configChange = configChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return SagaParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(
                new Variant(
                        SagaClaims.ORCHESTRATED,
                        "idempotency keys and a durable saga log; rejections, loss, duplicates, a crash, GC pauses",
                        Map.of("keys", true, "durableLog", true)),
                new Variant(
                        SagaClaims.NO_KEYS,
                        "the same faults; the orchestrator sends no idempotency keys",
                        Map.of("keys", false, "durableLog", true)),
                new Variant(
                        SagaClaims.NO_LOG,
                        "the same faults; the orchestrator keeps its sagas in memory only",
                        Map.of("keys", true, "durableLog", false)),
                new Variant(
                        SagaClaims.CHOREOGRAPHY,
                        "no orchestrator: each service reacts to its neighbour's events, resent until acknowledged,"
                                + " with idempotency keys; rejections, loss, duplicates, GC pauses",
                        Map.of("keys", true, "durableLog", false)),
                new Variant(
                        SagaClaims.LOAD,
                        "keys and log; orders placed load-factor times faster, none rejected, no crash, no pauses",
                        Map.of("keys", true, "durableLog", true)),
                new Variant(
                        SagaClaims.PAUSES,
                        "keys and log; GC pauses on every service, none rejected, no crash",
                        Map.of("keys", true, "durableLog", true)));
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        SagaVariantSettings settings = SETTINGS.get(variant.name());
        return SagaMeasurements.measure(SagaScenario.run(settings, configChange, values, seed, options), options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed("sagas", "sagas the client placed, per seed", SAGAS),
                MetricSpec.meanPerSeed(
                        "allDone", "sagas told done whose every step is applied once, per seed", ALL_DONE),
                MetricSpec.meanPerSeed(
                        "allCompensated",
                        "sagas told compensated whose every step is undone or never applied, per seed",
                        ALL_COMPENSATED),
                MetricSpec.meanPerSeed("stuck", "accepted sagas the client never heard the end of, per seed", STUCK),
                MetricSpec.meanPerSeed(
                        "inconsistent",
                        "sagas whose stores are neither all applied once nor all undone, or disagree with the"
                                + " outcome the client was told, per seed",
                        INCONSISTENT),
                MetricSpec.seedsWith("seedsWithStuckSagas", "seeds with a stuck saga", STUCK),
                MetricSpec.meanPerSeed(
                        "doubleAppliedSteps", "steps a service applied more than once, per seed", DOUBLE_APPLIED),
                MetricSpec.meanPerSeed(
                        "stepsReadThenCompensated",
                        "compensated sagas a reader saw a step of while it was applied, per seed",
                        DIRTY_READS),
                MetricSpec.meanPerSeed(
                        "rejectedOrders", "orders over the payment or stock limit, per seed", REJECTED_ORDERS),
                MetricSpec.meanPerSeed(
                        "compensatedWithoutARejection",
                        "sagas compensated although no service's rule rejects their order, per seed",
                        COMPENSATED_UNREJECTED));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return SagaClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, SagaClaims.options()));
    }

    private static Map<String, SagaVariantSettings> settings() {
        Map<String, SagaVariantSettings> settings = new LinkedHashMap<>();
        settings.put(SagaClaims.ORCHESTRATED, SagaVariantSettings.orchestrated());
        settings.put(SagaClaims.NO_KEYS, new SagaVariantSettings(false, true, true, true, true, false, false));
        settings.put(SagaClaims.NO_LOG, new SagaVariantSettings(true, false, true, true, true, false, false));
        settings.put(SagaClaims.LOAD, new SagaVariantSettings(true, true, false, false, false, true, false));
        settings.put(SagaClaims.CHOREOGRAPHY, new SagaVariantSettings(true, false, true, false, true, false, true));
        settings.put(SagaClaims.PAUSES, new SagaVariantSettings(true, true, false, false, true, false, false));
        return Map.copyOf(settings);
    }
}

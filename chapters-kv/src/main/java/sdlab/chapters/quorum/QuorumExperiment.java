package sdlab.chapters.quorum;

import static sdlab.chapters.quorum.QuorumMeasurements.KEYS_NOT_LINEARIZABLE;
import static sdlab.chapters.quorum.QuorumMeasurements.LATENCY;
import static sdlab.chapters.quorum.QuorumMeasurements.MESSAGES;
import static sdlab.chapters.quorum.QuorumMeasurements.MONOTONIC_READS;
import static sdlab.chapters.quorum.QuorumMeasurements.OPS;
import static sdlab.chapters.quorum.QuorumMeasurements.OPS_OK;
import static sdlab.chapters.quorum.QuorumMeasurements.OPS_UNKNOWN;
import static sdlab.chapters.quorum.QuorumMeasurements.READS_OK;
import static sdlab.chapters.quorum.QuorumMeasurements.READ_YOUR_WRITES;
import static sdlab.chapters.quorum.QuorumMeasurements.STALE_READS;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import sdlab.check.linear.Model;
import sdlab.kv.quorum.QuorumConfig;
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
import sdlab.sim.SimResult;

/** Chapter 10: what R + W > N does and does not guarantee in a Dynamo-style store. */
public final class QuorumExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "quorum",
            10,
            "Dynamo-style quorums (N, R, W)",
            "What R + W > N does and does not guarantee: stale reads, session guarantees and linearizability of"
                    + " nine quorum configurations under partitions, crashes and message loss.");

    private static final String QUESTION =
            "Which guarantee do Dynamo-style quorum reads and writes give when R + W > N?";

    /** The variant that stands for every option of the question: majority quorums of three. */
    private static final String QUESTION_VARIANT = "n3r2w2";

    /**
     * Every option's claims range over all strict R + W > N variants, not just the one named:
     * the question is about R + W > N, so a counterexample in any of them refutes the option.
     */
    private static final String MEASURED_OVER =
            " Measured over every strict variant with R + W > N (n3r1w3, n3r3w1, n3r2w2, n5r3w3).";

    private final UnaryOperator<QuorumConfig> configChange;

    /**
     * The variants of the parameter values seen last. A sweep asks for its variants once per run, nine runs a seed,
     * with the same values every time; building the nine configurations again each time was most of a run's setup.
     * A pure function of the values, so sharing it between runs and threads changes nothing.
     */
    private volatile VariantsOf lastVariants;

    private record VariantsOf(ParamValues values, List<QuorumVariant> variants) {}

    /** The chapter as users run it. */
    public QuorumExperiment() {
        this(UnaryOperator.identity());
    }

    /**
     * The chapter with every variant's configuration changed, for tests that plant a bug and
     * check that the claims catch it.
     */
    QuorumExperiment(UnaryOperator<QuorumConfig> configChange) {
        this.configChange = configChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return QuorumParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return variantsOf(values).stream().map(QuorumVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public Optional<Model> linearizabilityModel() {
        return Optional.of(QuorumMeasurements.LINEARIZABILITY_MODEL);
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        QuorumVariant quorum = variantsOf(values).stream()
                .filter(v -> v.name().equals(variant.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quorum variant named " + variant.name()));
        SimResult result = QuorumScenario.run(quorum, values, seed, options);
        return QuorumMeasurements.measure(result, options, new TraceNames(QuorumScenario.clients(values)));
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.ratio("availability", "share of operations that succeeded", OPS_OK, OPS),
                MetricSpec.ratio("unknownShare", "share of operations whose outcome is unknown", OPS_UNKNOWN, OPS),
                MetricSpec.sum("staleReads", "reads older than a write completed before they began", STALE_READS),
                MetricSpec.ratio("staleReadShare", "stale reads per successful read", STALE_READS, READS_OK),
                MetricSpec.sum(
                        "readYourWritesViolations", "reads missing the client's own completed write", READ_YOUR_WRITES),
                MetricSpec.sum(
                        "monotonicReadViolations", "reads older than the client's previous read", MONOTONIC_READS),
                MetricSpec.seedsWith(
                        "seedsNotLinearizable",
                        "seeds with a key whose history is not linearizable",
                        KEYS_NOT_LINEARIZABLE),
                MetricSpec.percentileMs("latencyMsP50", "median latency of successful operations", LATENCY, 50),
                MetricSpec.percentileMs(
                        "latencyMsP99", "99th percentile latency of successful operations", LATENCY, 99),
                MetricSpec.percentileMs("latencyMsMax", "slowest successful operation", LATENCY, 100),
                MetricSpec.ratio("messagesPerOp", "messages sent per operation", MESSAGES, OPS));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return QuorumClaims.all(selected(values, variants));
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        if (variants.stream().noneMatch(v -> v.name().equals(QUESTION_VARIANT))) {
            return Optional.empty();
        }
        return Optional.of(new Question(
                QUESTION,
                List.of(
                        new Question.Option(
                                "causal consistency",
                                QUESTION_VARIANT,
                                List.of(QuorumClaims.CAUSAL),
                                "Causal consistency needs, per client, read-your-writes, monotonic reads, monotonic"
                                        + " writes and writes-follow-reads; each is counted." + MEASURED_OVER),
                        new Question.Option(
                                "monotonic reads",
                                QUESTION_VARIANT,
                                List.of(QuorumClaims.MONOTONIC_READS),
                                "A client must never read a value older than one it already read." + MEASURED_OVER),
                        new Question.Option(
                                "read-your-writes",
                                QUESTION_VARIANT,
                                List.of(QuorumClaims.READ_YOUR_WRITES, QuorumClaims.NO_STALE_READS),
                                "A client's completed write must be visible to its later reads; it follows from"
                                        + " reads never missing a completed write." + MEASURED_OVER),
                        new Question.Option(
                                "strong consistency for successful operations",
                                QUESTION_VARIANT,
                                List.of(QuorumClaims.LINEARIZABLE),
                                "Every key's history must be linearizable: one order of all operations that"
                                        + " respects real time and explains every read." + MEASURED_OVER))));
    }

    private List<QuorumVariant> variantsOf(ParamValues values) {
        VariantsOf last = lastVariants;
        if (last != null && last.values() == values) {
            return last.variants();
        }
        List<QuorumVariant> variants = QuorumVariant.all(values).stream()
                .map(v -> new QuorumVariant(v.name(), configChange.apply(v.config()), v.role()))
                .toList();
        lastVariants = new VariantsOf(values, variants);
        return variants;
    }

    /** The chapter's variants restricted to those the run includes (a user may pick some). */
    private List<QuorumVariant> selected(ParamValues values, List<Variant> variants) {
        List<String> names = variants.stream().map(Variant::name).toList();
        return variantsOf(values).stream().filter(v -> names.contains(v.name())).toList();
    }
}

package sdlab.lab;

import java.util.List;
import java.util.Optional;
import sdlab.check.linear.Model;

/**
 * One chapter's experiment: typed parameters, the variants it compares (the options of the chapter's question),
 * the metrics it records, the claims it checks over many seeds and the question those claims decide.
 *
 * <p>Implementations are registered for {@link java.util.ServiceLoader} in {@code META-INF/services/sdlab.lab.Experiment}.
 * The lab calls {@link #run} concurrently from several threads for different seeds, so an experiment keeps no shared
 * mutable state. {@link #variants}, {@link #claims} and {@link #question} may throw {@link ParamException} when the
 * parameter values are individually valid but inconsistent together (say {@code --r} larger than {@code --n}); the
 * command line reports that as bad input.
 */
public interface Experiment {
    /** Its id, chapter, title and summary. */
    ExperimentIdentity identity();

    /** The id used on the command line, for example {@code quorum}. */
    default String id() {
        return identity().id();
    }

    /**
     * The chapter text: paragraphs separated by blank lines. By default the file {@code explanation.txt} beside the
     * experiment's class in the jar, so that prose is edited as prose.
     */
    default String explanation() {
        return ChapterText.besides(getClass());
    }

    /** The typed parameters, in the order the help and the reports show them. */
    List<Param<?>> params();

    /** The options compared, for these parameter values; names are unique. */
    List<Variant> variants(ParamValues values);

    /**
     * One seed of one variant. Deterministic in (variant, values, seed). Called concurrently from several threads for
     * different seeds: no shared mutable state.
     */
    SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options);

    /**
     * True if {@link #run} passes {@link RunOptions#steering()} to the simulation of the variant it runs, so a seed
     * can be changed by hand at a step (the web lab's "change the run here", {@code sdlab run --fork}) and its nodes
     * looked at (the state inspector). An experiment that does not would run the seed unchanged and mislead, so forks
     * and inspections are refused for it.
     */
    default boolean takesForks() {
        return false;
    }

    /**
     * The model a variant's client history is checked against for linearizability, key by key, if this experiment
     * checks it: the web lab then shows each operation's place in its key's linearization and the model's state before
     * and after it. Empty for an experiment whose history is not one of a register or key-value model.
     */
    default Optional<Model> linearizabilityModel() {
        return Optional.empty();
    }

    /**
     * The property each seed draws by which reports split every metric ({@link Stratum}), if any; each run then names
     * its value with {@link SeedRun.Builder#stratum}. Empty by default: the report has no strata.
     */
    default Optional<Stratum> stratum() {
        return Optional.empty();
    }

    /** How each metric is aggregated over seeds, in the order reports show them. */
    List<MetricSpec> metrics();

    /** The claims checked on every seed; names are unique. */
    List<Claim> claims(ParamValues values, List<Variant> variants);

    /** The chapter's question, if it has one; its options name variants and claims of this experiment. */
    Optional<Question> question(ParamValues values, List<Variant> variants);
}

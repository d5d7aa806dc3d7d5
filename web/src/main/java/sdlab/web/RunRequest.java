package sdlab.web;

import java.util.Objects;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;

/**
 * A run a client asked for, checked: the experiment exists, every parameter parsed by the experiment's own {@link
 * sdlab.lab.Param}s and consistent with the others, seeds within this server's bound.
 *
 * @param experiment the chapter's experiment
 * @param values its parameters: the defaults with the client's values
 * @param seeds how many consecutive seeds
 * @param firstSeed the first of them
 */
record RunRequest(Experiment experiment, ParamValues values, int seeds, long firstSeed) {
    /** What {@code sdlab run} runs unless told otherwise. */
    static final int SEEDS_DEFAULT = 200;

    RunRequest {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(values, "values");
    }
}

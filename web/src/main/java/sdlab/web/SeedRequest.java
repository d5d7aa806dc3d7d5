package sdlab.web;

import java.util.List;
import java.util.Objects;
import sdlab.lab.Experiment;
import sdlab.lab.ForkText;
import sdlab.lab.ParamValues;
import sdlab.sim.Fork;

/**
 * One seed of one variant to replay and show step by step, checked: the experiment exists, the parameters parse and
 * agree, the variant is one the parameters give.
 *
 * @param experiment the chapter's experiment
 * @param values its parameters
 * @param seed the seed
 * @param variant the variant whose run is traced
 * @param forks changes made by hand at steps of the run (none: the seed as it ran)
 */
record SeedRequest(Experiment experiment, ParamValues values, long seed, String variant, List<Fork> forks) {
    SeedRequest {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(variant, "variant");
        forks = List.copyOf(forks);
    }

    SeedRequest(Experiment experiment, ParamValues values, long seed, String variant) {
        this(experiment, values, seed, variant, List.of());
    }

    boolean forked() {
        return !forks.isEmpty();
    }

    /** The command that replays this seed with its trace, as the run reports print it. */
    String replayCommand() {
        StringBuilder command = new StringBuilder("./sdlab run ").append(experiment.id());
        values.nonDefaults()
                .forEach((name, text) ->
                        command.append(" --").append(name).append(' ').append(text));
        return command.append(" --seed ")
                .append(seed)
                .append(" --variant ")
                .append(variant)
                .append(" --trace")
                .append(forked() ? " --fork " + ForkText.format(forks) : "")
                .toString();
    }
}

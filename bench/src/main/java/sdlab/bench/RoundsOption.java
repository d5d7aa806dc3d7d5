package sdlab.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --rounds}, shared by the side-by-side benchmarks (a picocli mixin). */
final class RoundsOption {
    private static final int ROUNDS_MAX = 100;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Rounds of every workload, each running both sides back to back, alternating which goes"
                    + " first; the table shows each side's median and the median of the rounds' ratios (default:"
                    + " ${DEFAULT-VALUE}).")
    int rounds;

    /** The rounds asked for, or a usage error naming the option. */
    int validated(CommandSpec spec) {
        if (rounds < 1 || rounds > ROUNDS_MAX) {
            throw new ParameterException(
                    spec.commandLine(), "--rounds must be between 1 and " + ROUNDS_MAX + ", got " + rounds);
        }
        return rounds;
    }
}

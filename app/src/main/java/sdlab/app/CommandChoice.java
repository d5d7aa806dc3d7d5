package sdlab.app;

import java.util.List;
import java.util.Optional;

/**
 * Which commands a command line needs for its arguments: every one, or only the subcommand the first argument names
 * exactly (and, under {@code run}, the experiment the second names). Anything else, help or a misspelt name that
 * deserves a suggestion, gets every command, so that what picocli says about it does not change.
 *
 * @param subcommand the only subcommand to register, or empty for all of them
 * @param experiment under {@code run}, the only experiment to register if the catalog has it, or empty for all
 */
record CommandChoice(Optional<String> subcommand, Optional<String> experiment) {

    static CommandChoice all() {
        return new CommandChoice(Optional.empty(), Optional.empty());
    }

    /** The choice for {@code args}, or empty when they name no subcommand of {@code subcommands} exactly. */
    static Optional<CommandChoice> of(String[] args, List<String> subcommands) {
        if (args.length == 0 || !subcommands.contains(args[0])) {
            return Optional.empty();
        }
        Optional<String> experiment = args[0].equals("run") && args.length > 1 && !args[1].startsWith("-")
                ? Optional.of(args[1])
                : Optional.empty();
        return Optional.of(new CommandChoice(Optional.of(args[0]), experiment));
    }

    boolean includes(String name) {
        return subcommand.map(name::equals).orElse(true);
    }
}

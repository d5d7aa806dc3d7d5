package sdlab.app;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad input gets one line on standard error that says what was wrong and what to do, and exit code 2: never a stack
 * trace or a page of usage. Unknown experiments get the closest id, unknown options the closest option, and every
 * message points at the {@code --help} that lists what is allowed.
 */
final class BadInput implements IParameterExceptionHandler {
    /** The exit code for bad input. */
    static final int EXIT_CODE = 2;

    private final ExperimentCatalog catalog;

    BadInput(ExperimentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        command.getErr().println("sdlab: " + message(error, command));
        command.getErr().flush();
        return EXIT_CODE;
    }

    private String message(ParameterException error, CommandLine command) {
        String help = "'" + command.getCommandSpec().qualifiedName() + " --help'";
        if (error instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().getFirst();
            if (isRunCommand(command) && !first.startsWith("-")) {
                return unknownExperiment(first);
            }
            if (first.startsWith("-")) {
                String closest = unmatched.getSuggestions().isEmpty()
                        ? "; "
                        : "; did you mean " + unmatched.getSuggestions().getFirst() + "? ";
                return "unknown option '" + first + "'" + closest + help + " lists the options";
            }
            return "unexpected argument '" + first + "'; " + help + " shows the usage";
        }
        return error.getMessage() + " (see " + help + ")";
    }

    private String unknownExperiment(String id) {
        String suggestion = catalog.closestId(id)
                .map(closest -> "; did you mean '" + closest + "'? ")
                .orElse("; ");
        return "no experiment named '" + id + "'" + suggestion + "'sdlab list' shows them all";
    }

    private static boolean isRunCommand(CommandLine command) {
        return command.getCommandName().equals("run") && command.getParent() != null;
    }
}

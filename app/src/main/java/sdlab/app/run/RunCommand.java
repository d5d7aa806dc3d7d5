package sdlab.app.run;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import sdlab.app.ExperimentCatalog;
import sdlab.lab.Experiment;

/**
 * {@code sdlab run <experiment>}: one subcommand per experiment, each with options generated from the experiment's
 * parameters, so that picocli itself parses, documents ({@code --help}) and rejects them.
 */
public final class RunCommand {
    private RunCommand() {}

    /** The {@code run} command with a subcommand for every experiment of the catalog. */
    public static CommandLine commandLine(ExperimentCatalog catalog) {
        return commandLine(catalog, Optional.empty());
    }

    /**
     * The {@code run} command with a subcommand for {@code only} when the catalog has an experiment of that id, else
     * for every experiment: building an experiment's options takes its parameters and variants, and a run needs one.
     */
    public static CommandLine commandLine(ExperimentCatalog catalog, Optional<String> only) {
        MissingExperiment missing = new MissingExperiment();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(missing);
        spec.name("run").mixinStandardHelpOptions(true);
        spec.usageMessage()
                .description(
                        "Run an experiment over many seeds: metrics per variant, claims with evidence, the "
                                + "chapter's question.",
                        "'sdlab run <experiment> --help' lists the experiment's parameters.");
        CommandLine run = new CommandLine(spec);
        missing.command = run;
        List<Experiment> named = catalog.all().stream()
                .filter(e -> only.isPresent() && e.id().equals(only.get()))
                .toList();
        for (Experiment experiment : named.isEmpty() ? catalog.all() : named) {
            run.addSubcommand(experiment.id(), ExperimentCommand.commandLine(experiment));
        }
        return run;
    }

    /** What {@code sdlab run} without an experiment does: say how to name one. */
    private static final class MissingExperiment implements Runnable {
        private CommandLine command;

        @Override
        public void run() {
            throw new ParameterException(
                    command, "name an experiment: 'sdlab run <experiment>'; 'sdlab list' shows them all");
        }
    }
}

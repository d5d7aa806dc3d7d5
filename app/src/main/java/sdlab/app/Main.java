package sdlab.app;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sdlab.app.check.CheckCommand;
import sdlab.app.cluster.ClusterCommand;
import sdlab.app.cluster.CoordBenchCluster;
import sdlab.app.cluster.ReplBenchCluster;
import sdlab.app.merge.MergeCommand;
import sdlab.app.run.RunCommand;
import sdlab.bench.BenchCommand;
import sdlab.bench.CoordCommand;
import sdlab.bench.ReplCommand;
import sdlab.bench.coord.SdlabLaunchers;

/**
 * The {@code sdlab} command. Subcommands are registered in one place, {@link #commandLine(ExperimentCatalog)}; each is
 * its own class.
 *
 * <p>Exit codes: 0 when every claim held (or the command had nothing to claim), 1 when a claim failed, 2 for bad
 * input (one line on standard error says what to do), 3 when an experiment's own code failed (a bug: the message
 * names the seed that replays it).
 */
@Command(
        name = "sdlab",
        mixinStandardHelpOptions = true,
        version = "sdlab 0.1.0",
        description = "The System Design Lab: every mechanism running for real, every trade-off measured.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every claim held",
            "1:some claim did not hold",
            "2:bad input (unknown experiment, option or value)",
            "3:an experiment failed (a bug; the message names the seed)"
        })
public final class Main implements Runnable {
    /** Every subcommand, in the order help lists them. */
    private static final List<String> SUBCOMMANDS =
            List.of("list", "run", "merge", "check", "node", "bench", "cluster", "serve");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every subcommand registered and the experiments found on the class path. */
    public static CommandLine commandLine() {
        return commandLine(ExperimentCatalog.load());
    }

    /**
     * The command line that {@code args} need: only the subcommand they name (and under {@code run}, only the
     * experiment), or every subcommand when they name none exactly (help, a typo that wants suggestions). picocli
     * reads every option of every command it is given, by reflection, on the one thread a CLI run has before its
     * work starts; registering only what a run uses took 0.4 - 1.2 s of CPU off its start (bench/README.md).
     */
    public static CommandLine commandLine(String... args) {
        ExperimentCatalog catalog = ExperimentCatalog.load();
        return CommandChoice.of(args, SUBCOMMANDS)
                .map(c -> commandLine(catalog, c))
                .orElseGet(() -> commandLine(catalog));
    }

    /** The command line over the given experiments; tests and embedders may pass their own catalog. */
    public static CommandLine commandLine(ExperimentCatalog catalog) {
        return commandLine(catalog, CommandChoice.all());
    }

    private static CommandLine commandLine(ExperimentCatalog catalog, CommandChoice choice) {
        CommandLine cli = new CommandLine(new Main());
        for (String name : SUBCOMMANDS) {
            if (choice.includes(name)) {
                cli.addSubcommand(name, subcommand(name, catalog, choice));
            }
        }
        cli.setParameterExceptionHandler(new BadInput(catalog));
        return cli;
    }

    private static Object subcommand(String name, ExperimentCatalog catalog, CommandChoice choice) {
        return switch (name) {
            case "list" -> new ListCommand(catalog);
            case "run" -> RunCommand.commandLine(catalog, choice.experiment());
            case "merge" -> new MergeCommand(catalog);
            case "check" -> new CheckCommand();
            case "node" -> new NodeCommand();
            case "bench" -> bench();
            case "cluster" -> new ClusterCommand();
            case "serve" -> new ServeCommand(catalog);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    private static CommandLine bench() {
        CommandLine bench = new CommandLine(new BenchCommand());
        // The cluster bench lives with the cluster commands, which know how to start node processes.
        bench.addSubcommand("cluster", ClusterCommand.bench());
        // The coord bench gets the sdlab ensembles it may start from here, beside the cluster commands:
        bench.addSubcommand(
                "coord", new CoordCommand(SdlabLaunchers.standalone().with(3, CoordBenchCluster::start)));
        // So does the replication bench: each mode of sdlab's store is a cluster the cluster code starts.
        bench.addSubcommand("repl", new ReplCommand(ReplBenchCluster::start));
        return bench;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package sdlab.app;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand registered and the experiments found on the class path. */
    public static CommandLine commandLine() {
        return commandLine(ExperimentCatalog.load());
    }

    /** The command line over the given experiments; tests and embedders may pass their own catalog. */
    public static CommandLine commandLine(ExperimentCatalog catalog) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("list", new ListCommand(catalog));
        cli.addSubcommand("run", RunCommand.commandLine(catalog));
        cli.addSubcommand("merge", new MergeCommand(catalog));
        cli.addSubcommand("check", new CheckCommand());
        cli.addSubcommand("node", new NodeCommand());
        cli.addSubcommand("bench", new BenchCommand());
        cli.addSubcommand("cluster", new ClusterCommand());
        // The cluster bench lives with the cluster commands, which know how to start node processes.
        cli.getSubcommands().get("bench").addSubcommand("cluster", ClusterCommand.bench());
        // The coord bench gets the sdlab ensembles it may start from here, beside the cluster commands:
        cli.getSubcommands()
                .get("bench")
                .addSubcommand(
                        "coord", new CoordCommand(SdlabLaunchers.standalone().with(3, CoordBenchCluster::start)));
        // So does the replication bench: each mode of sdlab's store is a cluster the cluster code starts.
        cli.getSubcommands().get("bench").addSubcommand("repl", new ReplCommand(ReplBenchCluster::start));
        cli.addSubcommand("serve", new ServeCommand(catalog));
        cli.setParameterExceptionHandler(new BadInput(catalog));
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package sdlab.app.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sdlab cluster}: a mechanism's nodes as real processes on this machine, with the faults
 * a nemesis applies and Jepsen-style checked runs.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {
            "Run a mechanism's nodes as real processes on 127.0.0.1 (the same node code as its chapter), break them"
                    + " and check them.",
            "",
            "  sdlab cluster start quorum --nodes 5 --n 3 --r 2 --w 2",
            "  sdlab cluster client quorum put k v",
            "  sdlab cluster fault partition n1,n2 n3,n4,n5",
            "  sdlab cluster status",
            "  sdlab cluster repl add        (a repl cluster: one more replica, joining from a snapshot)",
            "  sdlab cluster stop",
            "  sdlab cluster test quorum --time 30s --nemesis partition,kill,pause",
            "  sdlab cluster ledger --way atomic --clients 4 --transfers 25 --nemesis partition,kill"
        },
        subcommands = {
            ClusterStartCommand.class,
            ClusterStatusCommand.class,
            ClusterStopCommand.class,
            ClusterClientCommand.class,
            ClusterShardsCommand.class,
            ClusterReplCommand.class,
            ClusterFaultCommand.class,
            ClusterTestCommand.class,
            ClusterLedgerCommand.class,
            ClusterNodeCommand.class
        })
public final class ClusterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** {@code sdlab bench cluster}, registered under {@code bench}. */
    public static Object bench() {
        return new ClusterBenchCommand();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

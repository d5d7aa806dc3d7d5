package sdlab.app.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.NodeProcess;
import sdlab.runtime.cluster.ProcessCluster;

/** {@code sdlab cluster start}: starts the nodes, waits until they answer, and prints where they are. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Start a mechanism's nodes as processes on 127.0.0.1 and wait until every one answers.")
final class ClusterStartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MECHANISM",
            description =
                    "what to run: quorum (chapter 10's store), raft, coord (the coordination service, with ZooKeeper"
                            + " ports), repl (a primary and replicas, with RESP ports), shards (chapter 15's sharded"
                            + " store: a placement node, shards and spare shards), log (Kafka-protocol brokers and"
                            + " their controller) or causal (chapter 1's COPS-style causal store, one replica per node)")
    String mechanism;

    @Option(
            names = "--nodes",
            defaultValue = "3",
            description = "how many nodes (default: ${DEFAULT-VALUE}); log: how many brokers, and the controller runs"
                    + " in one more process")
    int nodes;

    @Mixin
    MechanismOptions mechanismOptions;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the nodes' random generators")
    long seed;

    @Mixin
    ClusterDirectory dir;

    @Option(
            names = "--fresh",
            description = "remove the data and logs of an earlier cluster in the folder first; without it, nodes"
                    + " recover what an earlier cluster of the same nodes synced")
    boolean fresh;

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = mechanismOptions.asMap();
        if (mechanism.equals(LogClusterMechanism.NAME)) {
            // --nodes counts the log's brokers; the layout keeps it, since the controller is one more process.
            options.put("brokers", Integer.toString(nodes));
        }
        ClusterMechanism resolved;
        try {
            resolved = ClusterMechanisms.resolve(mechanism, options);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            nodes = ClusterMechanisms.nodeCount(
                    resolved, nodes, spec.commandLine().getParseResult().hasMatchedOption("--nodes"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (nodes < 1 || nodes > 64) {
            throw new ParameterException(spec.commandLine(), "--nodes must be between 1 and 64, got " + nodes);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProcessCluster.refuseIfRunning(dir.path(), ClusterMechanisms.LAUNCHER);
        } catch (IllegalStateException e) {
            err.println("sdlab: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (fresh) {
            ProcessCluster.removeData(dir.path());
        } else if (ProcessCluster.hasData(dir.path())) {
            err.println("sdlab: the nodes recover the data of an earlier cluster in "
                    + dir.path().resolve("data") + " (--fresh starts them empty)");
        }
        err.println("sdlab: starting " + nodes + " nodes of " + resolved.describe() + " in " + dir.path());
        err.flush();
        try (ProcessCluster cluster = ProcessCluster.start(
                dir.path(), mechanism, options, nodes, seed, ClusterMechanisms.LAUNCHER, line -> {})) {
            for (NodeId id : cluster.nodes()) {
                out.printf(
                        "%-4s %s:%d  pid %d  log %s%s%n",
                        id,
                        cluster.addresses().get(id).getHostString(),
                        cluster.addresses().get(id).getPort(),
                        cluster.layout().pids().get(id),
                        NodeProcess.logFile(cluster.directory(), id),
                        resolved.frontDoor(cluster.nodes().indexOf(id))
                                .map(door -> "  " + door)
                                .orElse(""));
            }
            out.flush();
            String next = resolved.frontDoor(0).isPresent()
                    ? resolved.clientHelp()
                    : "'sdlab cluster client " + mechanism + " put k v'";
            err.println("sdlab: all " + nodes + " nodes answer. Next: " + next
                    + "; 'sdlab cluster status', 'sdlab cluster stop'");
            err.flush();
            return 0;
        } catch (IllegalStateException e) {
            err.println("sdlab: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}

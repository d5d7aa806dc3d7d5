package sdlab.app.cluster;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardMessage.ChangeInForce;

/**
 * {@code sdlab cluster shards}: an operator's changes to a running {@code shards} cluster, made by its placement node:
 * add a spare shard to the table, take a shard out, or show the table.
 */
@Command(
        name = "shards",
        mixinStandardHelpOptions = true,
        description = {
            "Change a running 'shards' cluster's routing table: the placement node moves the data and answers once"
                    + " every shard concerned has it.",
            "  sdlab cluster shards add n5      a spare shard joins; keys move to it from the others",
            "  sdlab cluster shards remove n2   a shard leaves; its keys move to the others (it runs on, empty)",
            "  sdlab cluster shards table       the table in force",
            "Exit code 1 if the change was refused or its outcome is unknown."
        })
final class ClusterShardsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add, remove or table")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "the shard to add or remove, e.g. n5")
    String node;

    @Mixin
    ClusterDirectory dir;

    @Override
    public Integer call() throws InterruptedException {
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            if (!(ClusterMechanisms.of(cluster.layout()) instanceof ShardClusterMechanism mechanism)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "the cluster in " + cluster.directory() + " runs "
                                + cluster.layout().mechanism() + ", not shards");
            }
            String verb = action.toLowerCase(Locale.ROOT);
            NodeId shard = verb.equals("table") ? null : shardNamed(cluster);
            try (ShardsAdmin admin = ShardsAdmin.open(cluster, mechanism)) {
                Outcome outcome =
                        switch (verb) {
                            case "add" -> admin.add(shard);
                            case "remove" -> admin.remove(shard);
                            default -> admin.table();
                        };
                PrintWriter out = spec.commandLine().getOut();
                out.println(render(outcome));
                out.flush();
                return outcome instanceof Outcome.Ok ? 0 : 1;
            }
        }
    }

    /** The node the action names: one of the cluster's shard processes, never the placement node. */
    private NodeId shardNamed(ProcessCluster cluster) {
        if (!action.equalsIgnoreCase("add") && !action.equalsIgnoreCase("remove")) {
            throw new ParameterException(spec.commandLine(), "unknown action '" + action + "': add, remove or table");
        }
        if (node == null) {
            throw new ParameterException(spec.commandLine(), action + " needs a node, e.g. 'shards " + action + " n5'");
        }
        NodeId id = NodeId.of(node);
        if (!cluster.nodes().contains(id) || id.equals(ShardClusterMechanism.PLACEMENT)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no shard process " + node + " in this cluster; its shard processes are "
                            + cluster.nodes().subList(1, cluster.nodes().size()));
        }
        return id;
    }

    private static String render(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Ok ok
            when ok.value() instanceof ChangeInForce done ->
                "%s: epoch %d in force after %d ms; %d keys (%d bytes) moved"
                        .formatted(
                                done.change(),
                                done.epoch(),
                                done.nanosTaken() / 1_000_000,
                                done.entriesMoved(),
                                done.bytesMoved());
            case Outcome.Ok ok
            when ok.value() instanceof RoutingTable table ->
                "epoch %d: %s, shards %s"
                        .formatted(
                                table.epoch(),
                                table.partitioner().describe(),
                                table.partitioner().shards());
            case Outcome.Ok ok -> String.valueOf(ok.value());
            case Outcome.Fail fail -> "refused: " + fail.reason();
            case Outcome.Unknown unknown -> "unknown (it may still happen): " + unknown.reason();
        };
    }
}

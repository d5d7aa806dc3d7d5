package sdlab.app.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.core.client.Outcome;
import sdlab.repl.JoinOperator.Joined;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * {@code sdlab cluster repl add}: an operator's change to a running {@code repl} cluster: one more replica, which
 * joins the primary from a snapshot and then replicates from its log.
 */
@Command(
        name = "repl",
        mixinStandardHelpOptions = true,
        description = {
            "Change a running 'repl' cluster.",
            "  sdlab cluster repl add   start one more node process that joins the primary from a snapshot, catches up"
                    + " from the log and serves RESP on its own port (refusing reads with LOADING until loaded);"
                    + " with failover, the manager first counts it as a candidate for promotion",
            "Exit code 1 if the join failed or was not ready within 60 s (the process then stays in the cluster)."
        })
final class ClusterReplCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add")
    String action;

    @Mixin
    ClusterDirectory dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!action.equalsIgnoreCase("add")) {
            throw new ParameterException(spec.commandLine(), "unknown action '" + action + "': add");
        }
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            if (!(ClusterMechanisms.of(cluster.layout()) instanceof ReplClusterMechanism mechanism)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "the cluster in " + cluster.directory() + " runs "
                                + cluster.layout().mechanism() + ", not repl");
            }
            if (cluster.running().stream()
                    .map(id -> cluster.nodes().indexOf(id))
                    .noneMatch(mechanism::startedInStore)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "no node of the store in " + cluster.directory() + " is running: a replica joins a running"
                                + " primary; start the cluster first");
            }
            ReplJoinAdmin.Added added = ReplJoinAdmin.add(cluster, mechanism);
            PrintWriter out = spec.commandLine().getOut();
            String door =
                    mechanism.frontDoor(cluster.nodes().indexOf(added.joiner())).orElse("");
            out.println(added.joiner() + " (" + door + "): " + render(added.outcome()));
            out.flush();
            return added.outcome() instanceof Outcome.Ok ? 0 : 1;
        }
    }

    private static String render(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Ok ok
            when ok.value() instanceof Joined joined ->
                "joined %s from a snapshot; ready after %d ms, applied up to position %d (it catches up from the log)%s"
                        .formatted(
                                joined.primary(),
                                joined.readyAfterNanos() / 1_000_000,
                                joined.appliedPosition(),
                                joined.candidates() == 0
                                        ? ""
                                        : "; a failover candidate: the manager now waits for %d answers of %d nodes"
                                                .formatted(joined.answersMin(), joined.candidates()));
            case Outcome.Ok ok -> String.valueOf(ok.value());
            case Outcome.Fail fail -> "failed: " + fail.reason();
            case Outcome.Unknown unknown -> "unknown (it may still join): " + unknown.reason();
        };
    }
}

package sdlab.app.cluster;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ProcessCluster;

/** {@code sdlab cluster stop}: stops every node; data and logs stay in the folder. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop every node of the cluster (paused ones too). Data and logs stay in the folder.")
final class ClusterStopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterDirectory dir;

    @Override
    public Integer call() {
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            List<NodeId> running = cluster.running();
            cluster.stop();
            spec.commandLine()
                    .getErr()
                    .println("sdlab: stopped " + (running.isEmpty() ? "nothing (no node was running)" : running)
                            + "; data and logs are in " + cluster.directory());
            spec.commandLine().getErr().flush();
            return 0;
        }
    }
}

package sdlab.app.cluster;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import sdlab.runtime.cluster.ClusterLayout;
import sdlab.runtime.cluster.ProcessCluster;

/** Opens the cluster a command's {@code --dir} names, or says in one line why there is none. */
final class AttachedCluster {
    private AttachedCluster() {}

    static ProcessCluster open(CommandLine command, ClusterDirectory dir) {
        try {
            return ProcessCluster.attach(dir.path(), ClusterMechanisms.LAUNCHER, line -> {});
        } catch (ClusterLayout.BadLayoutException e) {
            throw new ParameterException(command, e.getMessage());
        }
    }
}

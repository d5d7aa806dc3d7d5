package sdlab.app.cluster;

import java.util.List;
import java.util.Map;
import sdlab.chapters.quorum.QuorumClusterMechanism;
import sdlab.runtime.cluster.ClusterLayout;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.NodeLauncher;

/** The mechanisms a real cluster can run, by the name users type; each comes from its own chapter. */
final class ClusterMechanisms {
    /** Every mechanism name, for help and errors. */
    static final List<String> NAMES = List.of(QuorumClusterMechanism.NAME);

    /** How this program starts one of its own node processes. */
    static final NodeLauncher LAUNCHER = NodeLauncher.of("sdlab.app.Main", "cluster", "node");

    private ClusterMechanisms() {}

    /** The mechanism {@code name} configured by {@code options}; bad names and options throw IllegalArgumentException. */
    static ClusterMechanism resolve(String name, Map<String, String> options) {
        return switch (name) {
            case QuorumClusterMechanism.NAME -> QuorumClusterMechanism.fromOptions(options);
            default ->
                throw new IllegalArgumentException(
                        "no mechanism '" + name + "' runs as a cluster; use one of " + String.join(", ", NAMES));
        };
    }

    static ClusterMechanism of(ClusterLayout layout) {
        return resolve(layout.mechanism(), layout.options());
    }
}

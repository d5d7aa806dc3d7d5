package sdlab.runtime.host;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * Where one node of a real cluster runs.
 *
 * @param id the node's id, as in the simulator ({@code n1})
 * @param cluster every node's address, this one's included: where it listens and where its
 *     peers are
 * @param dataDirectory where its {@link sdlab.core.Disk} keeps its files
 * @param seed the seed its random generator is derived from
 */
public record NodeSettings(NodeId id, Map<NodeId, InetSocketAddress> cluster, Path dataDirectory, long seed) {
    public NodeSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        cluster = Map.copyOf(cluster);
        if (!cluster.containsKey(id)) {
            throw new IllegalArgumentException("node " + id + " has no address among " + cluster.keySet());
        }
    }

    public InetSocketAddress listenAddress() {
        return cluster.get(id);
    }
}

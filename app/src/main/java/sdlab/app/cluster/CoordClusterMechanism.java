package sdlab.app.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sdlab.consensus.raft.RaftConfig;
import sdlab.coord.client.CoordKvClient;
import sdlab.coord.node.ReplicaFrontDoor;
import sdlab.coord.server.CoordMessage;
import sdlab.coord.server.CoordReplica;
import sdlab.coord.server.ReplicaConfig;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.net.LineLog;

/**
 * The coordination service (module {@code coord}) as a real cluster: the same {@link CoordReplica}
 * the simulator runs, each node with a ZooKeeper port for standard clients (zkCli.sh, the
 * ZooKeeper Java client, Curator). Node number i listens on {@code client-port + i}.
 */
final class CoordClusterMechanism implements ClusterMechanism {
    static final String NAME = "coord";
    static final int CLIENT_PORT_DEFAULT = 2181;
    private static final Set<String> OPTIONS = Set.of("client-port", "tick-ms");

    private final ReplicaConfig config;
    private final int clientPortBase;

    private CoordClusterMechanism(ReplicaConfig config, int clientPortBase) {
        this.config = config;
        this.clientPortBase = clientPortBase;
    }

    static CoordClusterMechanism fromOptions(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException(
                        "the coordination service takes the options client-port and tick-ms, not '" + key + "'");
            }
        }
        int port = intOption(options, "client-port", CLIENT_PORT_DEFAULT, 1, 65_000);
        int tickMs = intOption(options, "tick-ms", ReplicaConfig.defaults().tickTimeMs(), 2, 60_000);
        // Elections after 2-4 s rather than the simulator's 150-300 ms: real processes on a busy
        // machine pause (GC, scheduling, a snapshot of the whole tree taken on the node's loop) for
        // longer than that without having failed; ZooKeeper's followers wait syncLimit (5 ticks,
        // 10 s) for theirs. A snapshot every 100,000 entries at most, ZooKeeper's snapCount.
        RaftConfig raft =
                RaftConfig.defaults().withElectionTimeouts(2_000, 4_000).withSnapshotLogEntriesMax(100_000);
        return new CoordClusterMechanism(ReplicaConfig.defaults().withRaft(raft).withTickTimeMs(tickMs), port);
    }

    private static int intOption(Map<String, String> options, String key, int fallback, int min, int max) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "coordination service (ZooKeeper protocol) on Raft: tick %d ms, elections in %d-%d ms, ZooKeeper ports from %d"
                .formatted(
                        config.tickTimeMs(),
                        config.raft().electionTimeoutMsMin(),
                        config.raft().electionTimeoutMsMax(),
                        clientPortBase);
    }

    @Override
    public Class<? extends Message> family() {
        return CoordMessage.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        return id -> new CoordReplica(id, nodes, config);
    }

    /**
     * The simulator's znode client (writes, and reads after a sync), over TCP: what {@code sdlab
     * cluster test coord} drives. Users' clients use the ZooKeeper ports.
     */
    @Override
    public Client client(List<NodeId> nodes) {
        return new CoordKvClient(nodes, 0, java.time.Duration.ofSeconds(2));
    }

    @Override
    public ClientCommand parse(List<String> words) {
        return new ClientCommand.Invalid(clientHelp());
    }

    @Override
    public String clientHelp() {
        return "the coordination service speaks ZooKeeper's protocol: use zkCli.sh -server 127.0.0.1:" + clientPortBase
                + " (or any ZooKeeper client, Curator) on the ports 'sdlab cluster status' lists";
    }

    @Override
    public AutoCloseable openFrontDoor(NodeHost host, int index, LineLog log) throws IOException {
        ReplicaFrontDoor door = ReplicaFrontDoor.open(host, "127.0.0.1", clientPortBase + index);
        log.line(host.id() + " serves ZooKeeper clients on 127.0.0.1:" + door.port());
        return door;
    }

    @Override
    public Optional<String> frontDoor(int index) {
        return Optional.of("zookeeper 127.0.0.1:" + (clientPortBase + index));
    }

    int clientPortBase() {
        return clientPortBase;
    }
}

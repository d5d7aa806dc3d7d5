package sdlab.app.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.consensus.raft.RaftCluster;
import sdlab.consensus.raft.RaftConfig;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.runtime.cluster.ClusterMechanism;

/**
 * The Raft key-value store (module {@code consensus}) as a real cluster: the same node and client
 * classes the simulator runs, with the default configuration. It has no chapter of its own yet,
 * so it takes no options.
 */
final class RaftClusterMechanism implements ClusterMechanism {
    static final String NAME = "raft";

    private final RaftConfig config = RaftConfig.defaults();

    static RaftClusterMechanism fromOptions(Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(
                    "the Raft store takes no options yet (got " + String.join(", ", options.keySet()) + ")");
        }
        return new RaftClusterMechanism();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "Raft key-value store: elections in %d-%d ms, heartbeats every %d ms, reads by ReadIndex"
                .formatted(config.electionTimeoutMsMin(), config.electionTimeoutMsMax(), config.heartbeatIntervalMs());
    }

    @Override
    public Class<? extends Message> family() {
        return RaftMessage.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        return RaftCluster.nodeFactory(config, nodes);
    }

    @Override
    public Client client(List<NodeId> nodes) {
        return RaftCluster.client(config, nodes);
    }

    @Override
    public ClientCommand parse(List<String> words) {
        if (words.isEmpty()) {
            return new ClientCommand.Invalid("no command; " + clientHelp());
        }
        return switch (words.getFirst().toLowerCase(Locale.ROOT)) {
            case "put", "set", "write" ->
                words.size() == 3
                        ? new ClientCommand.Invoke("write", words.get(1), value(words.get(2)))
                        : new ClientCommand.Invalid("usage: put KEY VALUE");
            case "get", "read" ->
                words.size() == 2
                        ? new ClientCommand.Invoke("read", words.get(1), null)
                        : new ClientCommand.Invalid("usage: get KEY");
            case "cas" ->
                words.size() == 4
                        ? new ClientCommand.Invoke(
                                "cas", words.get(1), List.of(value(words.get(2)), value(words.get(3))))
                        : new ClientCommand.Invalid("usage: cas KEY EXPECTED NEW");
            default -> new ClientCommand.Invalid("unknown command '" + words.getFirst() + "'; " + clientHelp());
        };
    }

    @Override
    public String clientHelp() {
        return "commands: put KEY VALUE, get KEY, cas KEY EXPECTED NEW (whole numbers are stored as numbers)";
    }

    private static Object value(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}

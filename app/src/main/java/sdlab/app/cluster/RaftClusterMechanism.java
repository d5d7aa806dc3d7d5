package sdlab.app.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.consensus.raft.RaftCluster;
import sdlab.consensus.raft.RaftConfig;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.consensus.raft.TxnResult;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.Outcome;
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
            case "txn" -> RaftTxnWords.parse(words);
            default -> new ClientCommand.Invalid("unknown command '" + words.getFirst() + "'; " + clientHelp());
        };
    }

    @Override
    public String clientHelp() {
        return "commands: put KEY VALUE, get KEY, cas KEY EXPECTED NEW, txn CONDITIONS then WRITES"
                + " (e.g. txn a >= 10 then add a -10 add b 10; whole numbers are stored as numbers)";
    }

    /** A transaction's outcome as a line: applied or which condition failed, and what its keys held before. */
    @Override
    public String render(Outcome outcome) {
        if (outcome instanceof Outcome.Ok ok && ok.value() instanceof TxnResult txn) {
            StringBuilder line = new StringBuilder(txn.succeeded() ? "applied" : notApplied(txn));
            line.append("; before:");
            txn.before()
                    .forEach(pair ->
                            line.append(' ').append(pair.key()).append('=').append(pair.value()));
            return line.toString();
        }
        return ClusterMechanism.super.render(outcome);
    }

    private static String notApplied(TxnResult txn) {
        return txn.failedCondition() == TxnResult.NOT_A_NUMBER
                ? "not applied: an add met a value that is not a number"
                : "not applied: condition " + (txn.failedCondition() + 1) + " failed";
    }

    static Object value(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}

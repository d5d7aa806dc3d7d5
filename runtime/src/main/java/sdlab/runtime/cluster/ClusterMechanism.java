package sdlab.runtime.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.Outcome;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.net.LineLog;

/**
 * A mechanism as a real cluster runs it: the same node factory and client class as its
 * chapter, configured once from the options the cluster was started with, so that every node
 * process and every client builds the identical configuration.
 */
public interface ClusterMechanism {

    /** The name users type: {@code quorum}. */
    String name();

    /** One line saying how it is configured: {@code quorum store N=3 R=2 W=2, strict}. */
    String describe();

    /** The root of its message family. */
    Class<? extends Message> family();

    /** Makes any of its nodes, given every node of the cluster. */
    NodeFactory nodeFactory(List<NodeId> nodes);

    /** A fresh client for a cluster of {@code nodes}. */
    Client client(List<NodeId> nodes);

    /**
     * A fresh client for a cluster of {@code nodes} of which {@code running} have a live process now: a mechanism whose
     * client must pick one node to start with (a primary) picks a live one. By default, {@link #client(List)}.
     */
    default Client client(List<NodeId> nodes, List<NodeId> running) {
        return client(nodes);
    }

    /** What a client command line means ({@code put k v}, {@code get k}), or why it means nothing. */
    ClientCommand parse(List<String> words);

    /** The client commands, one per line with what each does, for help and errors. */
    String clientHelp();

    /** An outcome as a user reads it. */
    default String render(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Ok ok -> ok.value() == null ? "(nil)" : String.valueOf(ok.value());
            case Outcome.Fail fail -> "failed: " + fail.reason();
            case Outcome.Unknown unknown -> "unknown (it may or may not have happened): " + unknown.reason();
        };
    }

    /**
     * Opens the door for standard clients that node number {@code index} (0-based, in the
     * layout's order) serves beside its peer port, if the mechanism has one (the coordination
     * service's ZooKeeper port), once its host has started; what it returns closes it. None by
     * default.
     */
    default AutoCloseable openFrontDoor(NodeHost host, int index, LineLog log) throws IOException {
        return () -> {};
    }

    /** Where node number {@code index}'s front door listens, for users ({@code 127.0.0.1:2181}), if it has one. */
    default Optional<String> frontDoor(int index) {
        return Optional.empty();
    }

    /** A parsed client command: an operation to invoke, or an error to show. */
    sealed interface ClientCommand {
        record Invoke(String f, String key, Object value) implements ClientCommand {}

        record Invalid(String reason) implements ClientCommand {}
    }
}

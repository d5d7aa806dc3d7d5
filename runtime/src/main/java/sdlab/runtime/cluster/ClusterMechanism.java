package sdlab.runtime.cluster;

import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.Outcome;

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

    /** A parsed client command: an operation to invoke, or an error to show. */
    sealed interface ClientCommand {
        record Invoke(String f, String key, Object value) implements ClientCommand {}

        record Invalid(String reason) implements ClientCommand {}
    }
}

package sdlab.chapters.repl.redundancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.core.client.Client;

/**
 * How one redundancy pattern is laid out in a run (the Strategy pattern): its nodes, the order in which the rolling
 * maintenance stops them, its clients, and where its data is at the end. The nodes are {@code sdlab.repl}'s, as the
 * real cluster runs them; the chapter only places them.
 */
sealed interface Deployment permits ReadReplicas, PrimaryStandby, ActiveActive, ColdStandbyPair {

    /** Every node of the pattern that holds data (running or not). */
    List<NodeId> stores();

    /** The nodes the rolling maintenance stops, in its order: each pattern's running nodes, the primary last. */
    List<NodeId> maintained();

    /** The failover manager, if the pattern has one. */
    Optional<NodeId> manager();

    /** A fresh node {@code id}, one of {@link #stores()} or the manager. */
    Node node(NodeId id, Cast cast);

    /** The client of process {@code process}: a writer below {@code cast.writers()}, else a reader. */
    Client client(int process, Cast cast);

    /**
     * The values of every write the pattern keeps at the end, given the live nodes ({@code nodes} answers the
     * wrapped node of an id, or null while it is down).
     */
    Set<String> kept(Function<NodeId, Node> nodes);

    /** The node the pattern holds as primary at the end (the manager's choice where there is one). */
    default NodeId finalPrimary(Function<NodeId, Node> nodes) {
        return maintained().getLast();
    }
}

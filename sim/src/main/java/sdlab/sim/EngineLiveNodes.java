package sdlab.sim;

import java.util.List;
import java.util.Optional;
import sdlab.core.Node;
import sdlab.core.NodeId;

/** {@link LiveNodes} over a running engine: one object for the whole run, read after each event. */
final class EngineLiveNodes implements LiveNodes {

    private final Engine engine;
    private final List<NodeId> ids;

    EngineLiveNodes(Engine engine, List<NodeId> ids) {
        this.engine = engine;
        this.ids = ids;
    }

    @Override
    public List<NodeId> ids() {
        return ids;
    }

    @Override
    public Optional<Node> node(NodeId id) {
        return engine.endpoint(id) instanceof NodeEndpoint node ? Optional.ofNullable(node.node()) : Optional.empty();
    }

    @Override
    public long nowNanos() {
        return engine.now();
    }

    @Override
    public long eventNumber() {
        return engine.counters().eventsProcessed;
    }
}
